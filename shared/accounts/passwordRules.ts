// The password rule both sides apply: the core refuses, and the window says so before sending. Pure, no Node.

/** A name folded for comparison: one Unicode form, any case, without spaces or the middle dot of 少数民族 names. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000·・.]+/gu, '');
}

/**
 * Why a password that contains its holder's name is refused, or null. The form's hint asks for nothing guessable;
 * the name is the first thing anyone who knows the person tries (姜晶云姜晶云姜晶云 was accepted). A name of one
 * character after folding is not checked: it would forbid too many passwords to be of use.
 */
export function passwordNameProblem(password: string, name: string | null | undefined): string | null {
  if (!name) return null;
  const n = fold(name);
  if ([...n].length < 2) return null;
  return fold(password).includes(n) ? `口令不能包含本人姓名“${name.normalize('NFC').trim()}”` : null;
}
