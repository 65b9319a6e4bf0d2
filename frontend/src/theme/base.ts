// The CSS of the Utrecht components Werkhaven renders, and no other (the library's bundle of all of
// them was six times as large): a component taken into use needs its line here. One list for both
// pages (the app, main.tsx, and the sign-in page, signin.tsx), so the order holds: Werkhaven's own
// rules (main.css) come after the components' they adjust.
import '@utrecht/action-group-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/button-link-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/custom-checkbox-css/dist/index.css';
import '@utrecht/document-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/page-content-css/dist/index.css';
import '@utrecht/page-footer-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/radio-button-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/status-badge-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@nl-design-system-candidate/heading-css/heading.css';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import '@nl-design-system-candidate/skip-link-css/skip-link.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './werkhaven-theme.css';
import '../main.css';
