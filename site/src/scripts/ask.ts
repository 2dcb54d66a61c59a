/**
 * A question with two named answers, asked in the page (a modal <dialog>) instead of the
 * browser's confirm(). confirm() labels its buttons OK and Cancel in the browser's language:
 * on a French page asking « Annuler votre inscription ? », its « Annuler » button keeps the
 * registration. The keeping answer has the focus, so Enter never destroys by accident.
 */
import { el } from './dom.ts';

let asked = 0;

export function ask(question: string, answers: { yes: string; no: string }): Promise<boolean> {
  asked += 1;
  const id = `ask-${asked}`;
  const yes = el('button', { type: 'button', class: 'button--danger' }, answers.yes);
  const no = el('button', { type: 'button', class: 'button--secondary', autofocus: '' }, answers.no);
  const dialog = el(
    'dialog',
    { class: 'ask', 'aria-labelledby': id },
    el('p', { id }, question),
    el('div', { class: 'ask__answers' }, no, yes),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const answer = (given: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(given);
    };
    yes.addEventListener('click', () => answer(true));
    no.addEventListener('click', () => answer(false));
    // Escape is "no".
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      answer(false);
    });
    dialog.showModal();
  });
}
