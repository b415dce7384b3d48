/** A particle written for both kinds of word at once: 을(를), 이(가), 와(과), (으)로, 은(는), (이)에요 … */
export const PARENTHESISED_PARTICLE = /[을를이가은는와과]\((?:을|를|이|가|은|는|와|과)\)|\((?:으|이)\)/;

/**
 * Endings of the formal (합니다) or bare-imperative (하세요) registers that slip into 해요체 text:
 * 합니다/습니다, 하십시오, and 하세요-style orders ("학습하세요", "누르세요"; "해 주세요" is fine).
 */
export const POLITE_FORMAL_ENDING = /니다[.!?\s]|니다$|십시오|하세요|누르세요|시작하세요/;
