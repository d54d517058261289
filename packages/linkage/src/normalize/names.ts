import { foldTokens } from './text';

// Words that join the parts of a name rather than being one: Spanish and Portuguese
// (de, del, de la, de los, y, e, da, dos), French and Dutch (du, le, van, der), Arabic
// (al, el, bin, ibn, bint). "Maria del Carmen de la Cruz y Lopez" and "Maria Carmen Cruz Lopez"
// are the same name as far as identity goes.
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'lo',
  'y',
  'e',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'van',
  'der',
  'den',
  'von',
  'le',
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'bint',
  'binti',
  'vda',
  'viuda',
]);

// Abbreviations officers write on registration forms. "Md." is how Bangladeshi documents
// abbreviate Mohammad; "Jn" is the Haitian abbreviation of Jean; "Ma." of Maria.
const ABBREVIATIONS: Record<string, string> = {
  jn: 'jean',
  st: 'saint',
  ste: 'sainte',
  sta: 'santa',
  sto: 'santo',
  fco: 'francisco',
  gpe: 'guadalupe',
  md: 'muhammad',
  mohd: 'muhammad',
  muhd: 'muhammad',
  mhd: 'muhammad',
};

// Abbreviations that are also real names elsewhere ("Ma" is a Chinese surname), so they are
// expanded only inside given names and only when another given name follows.
const GIVEN_PREFIX_ABBREVIATIONS: Record<string, string> = {
  ma: 'maria',
};

// Transliteration groups: each list is one name written the ways it reaches registration desks
// from Arabic, Bengali, Dari/Pashto, Somali, Tigrinya/Amharic, Chinese (Wade-Giles and pinyin)
// and Haitian Creole. The first spelling is the canonical form.
const VARIANT_GROUPS: readonly (readonly string[])[] = [
  [
    'muhammad',
    'mohamed',
    'mohammed',
    'muhammed',
    'mohammad',
    'mohamad',
    'muhamad',
    'muhamed',
    'mohamud',
    'mahamed',
    'mohamet',
    'mouhamed',
    'mouhammad',
    'muhammet',
    'mohammod',
    'maxamed',
    'mohmed',
    'mohammadu',
    'mamadou',
  ],
  ['ahmad', 'ahmed', 'ahmet', 'ahamed', 'ahmmed', 'axmed', 'ahmat'],
  [
    'husain',
    'hussain',
    'hussein',
    'hossain',
    'hosain',
    'husein',
    'hossein',
    'husayn',
    'hossen',
    'hussen',
    'hosen',
    'hussin',
    'xuseen',
    'xusein',
  ],
  ['hasan', 'hassan', 'hasen', 'hassen', 'xasan', 'hasanu'],
  ['mahmud', 'mahmoud', 'mahmood', 'mehmood', 'mahamud', 'maxamud'],
  ['abdul', 'abdel', 'abdoul', 'abdal', 'abdool', 'abdu'],
  ['abdullah', 'abdulla', 'abdallah', 'abdalla', 'abdullahi', 'cabdullahi', 'abdoulaye'],
  ['abdirahman', 'abdurahman', 'abdulrahman', 'abderrahmane', 'abdourahmane', 'cabdiraxmaan', 'abdurrahman'],
  ['abdi', 'cabdi'],
  ['ali', 'aly', 'cali', 'alee'],
  ['yusuf', 'yousef', 'youssef', 'yousuf', 'yusef', 'yousif', 'youssouf', 'yussuf'],
  ['ibrahim', 'ebrahim', 'ibraheem', 'brahim', 'ibrahima', 'ibraahim'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha', 'mostapha'],
  ['usman', 'osman', 'othman', 'uthman', 'usmaan', 'cusmaan'],
  ['umar', 'omar', 'omer', 'cumar'],
  ['khalid', 'khaled', 'xaalid', 'khaalid'],
  ['rahman', 'rehman', 'rahaman', 'raxmaan'],
  ['rahim', 'raheem'],
  ['karim', 'kareem'],
  ['rashid', 'rasheed', 'rachid'],
  ['fatima', 'fatma', 'fatuma', 'fatimah', 'fatema', 'faadumo', 'fatoumata'],
  ['aisha', 'aysha', 'ayesha', 'aicha', 'aishah', 'caasha', 'aissatou'],
  ['khadija', 'khadijah', 'kadija', 'khadiga', 'khadiija'],
  ['zainab', 'zeinab', 'zaynab', 'seynab'],
  ['maryam', 'mariam', 'meryem', 'mariyam', 'maryan'],
  ['hawa', 'hawo', 'xawo'],
  ['chowdhury', 'choudhury', 'chaudhry', 'chaudhary', 'chowdury', 'choudhary', 'chowdhuri'],
  ['akter', 'akhter', 'aktar', 'akhtar', 'aktter'],
  ['begum', 'begom', 'begam'],
  ['uddin', 'udin', 'uddeen', 'uddine'],
  ['miah', 'mia', 'meah', 'miya'],
  ['sheikh', 'shaikh', 'shaik', 'sk', 'shekh'],
  ['siddique', 'siddiqui', 'siddiki', 'siddik', 'sidik'],
  ['khatun', 'khatoon', 'khaton'],
  ['tesfay', 'tesfaye', 'tesfai'],
  ['tsegay', 'tsegaye', 'tsegai'],
  ['gebre', 'ghebre', 'gabre', 'gebrai', 'gebray'],
  ['welde', 'wolde', 'walda', 'woldu', 'weldu'],
  ['yohannes', 'yohanes', 'yohanis', 'johannes'],
  ['tekle', 'teklay', 'teklai', 'tekla'],
  ['haile', 'hayle', 'haileh'],
  ['berhane', 'birhane', 'berhana'],
  ['mikael', 'michael', 'mikiel', 'mikaeel'],
  ['zhang', 'chang', 'cheung'],
  ['zhou', 'chou', 'chow'],
  ['xu', 'hsu', 'hui'],
  ['zhao', 'chao', 'chiu'],
  ['cai', 'tsai'],
  ['xie', 'hsieh', 'tse'],
  ['guo', 'kuo', 'kwok'],
  ['zheng', 'cheng'],
  ['jiang', 'chiang', 'keung'],
  ['huang', 'hwang'],
  ['chen', 'chan', 'chin'],
  ['li', 'lee', 'lei'],
  ['liu', 'lau', 'lew', 'lou'],
  ['wu', 'woo', 'ng'],
  ['yang', 'yeung'],
  ['singh', 'sing', 'sinh'],
  ['kumar', 'kumaar'],
  ['jean', 'jan', 'jeanne'],
  ['pierre', 'pyer', 'piere', 'pier'],
  ['joseph', 'jozef', 'josef', 'jozeph'],
  ['louis', 'lwi', 'luis'],
  ['marie', 'mari'],
  ['jacques', 'jak', 'jacque'],
  ['francois', 'fransua', 'fransois'],
];

const VARIANT_CANON = new Map<string, string>();
for (const group of VARIANT_GROUPS) {
  const canonical = group[0] ?? '';
  for (const spelling of group) if (!VARIANT_CANON.has(spelling)) VARIANT_CANON.set(spelling, canonical);
}

/** The canonical spelling of a known transliteration variant, or the token itself. */
export function canonicalName(token: string): string {
  return VARIANT_CANON.get(token) ?? token;
}

export function isParticle(token: string): boolean {
  return PARTICLES.has(token);
}

/**
 * Splits a given-names or family-names value into comparable words: folded, abbreviations
 * expanded, particles removed (unless nothing else is left). Spellings are kept; transliteration
 * canonicalisation happens on the token table so that an exact spelling match stays visible.
 */
export function nameTokens(value: string, kind: 'given' | 'family'): string[] {
  const words = foldTokens(value);
  if (words.length === 0) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i] ?? '';
    if (PARTICLES.has(w)) continue;
    const prefix = kind === 'given' && i + 1 < words.length ? GIVEN_PREFIX_ABBREVIATIONS[w] : undefined;
    w = prefix ?? ABBREVIATIONS[w] ?? w;
    out.push(w);
  }
  return out.length > 0 ? out : words;
}

const ASCII_WORD = /^[a-z]+$/;

/**
 * A phonetic key tuned to how names of the region and of extra-continental migrants are
 * misheard and misspelt at registration desks: Spanish b/v, s/z/c, ll/y, silent h, j/g before
 * e and i, qu/k, x for j (Ximena, Xavier); French ou, ch, dj, tch; Arabic and Somali kh, gh, dh,
 * sh; Ethiopic final -e (Tesfaye, Tesfay). Vowels are kept, so it still tells Ana from Ines.
 */
export function phoneticKey(token: string): string {
  if (!ASCII_WORD.test(token)) return token;
  let s = token
    .replace(/sch|tch|sh|ch/g, 'X')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/kh/g, 'j')
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'd')
    .replace(/zh|dj/g, 'j')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/c(?=[ei])/g, 's')
    .replace(/g(?=[ei])/g, 'j')
    .replace(/^x/, 'j')
    .replace(/x/g, 'ks')
    .replace(/[cqk]/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/w/g, 'u')
    .replace(/ll/g, 'y')
    .replace(/y/g, 'i')
    .replace(/h/g, '')
    .replace(/n(?=[bp])/g, 'm')
    .replace(/X/g, 'x')
    .replace(/(.)\1+/g, '$1');
  if (s.length > 3 && s.endsWith('e') && /[aeiou]/.test(s.charAt(s.length - 2))) s = s.slice(0, -1);
  return s === '' ? token : s;
}

/**
 * The consonant skeleton of the phonetic key: vowels dropped after the first letter and a leading
 * vowel written as "a". Osman/Usman, Ibrahim/Ebrahim and Hossain/Hussain share a skeleton;
 * used for blocking and as a weak similarity level, never alone as proof.
 */
export function skeletonKey(phonetic: string): string {
  if (phonetic === '') return phonetic;
  const first = /[aeiou]/.test(phonetic.charAt(0)) ? 'a' : phonetic.charAt(0);
  const rest = phonetic.slice(1).replace(/[aeiou]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}
