// What other features use of candidates: the kandidaat's own profile and the sharing reminder.
export { useMine } from './api';
export { SharingReminder } from './Sharing';
