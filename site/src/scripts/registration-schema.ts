/**
 * The API's own schema of a sign-up, for the registration form. Loaded apart from the form's
 * island (register.ts) once someone starts filling the form in: zod and the schemas are most
 * of the island's code, and a phone should not parse them before it can scroll or type.
 */
import './zod-without-eval.ts';

export { RegistrationInput } from '../lib/api-types.ts';
