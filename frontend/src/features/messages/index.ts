// What other features use of messages: an organisation's conversation.
export { MessageThread } from './Messages';
