// Deterministic generators for the benchmarks: English-like prose with register
// names, dates, glosses, omission marks and planted OCR errors.

/** A small seeded PRNG (mulberry32), so every run benchmarks the same text. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to a in that it is was he for on are as with his they at be this from have or by one had not but what all were when we there can an your which their said if do will each about how up out them then she many some so these would other into has more her two like him see time could no make than first been its who now people my made over did down only way find use may water long little very after words called just where most know get through back much before go good new write our used me man too any day same right look think also around another came come work three word must because does part even place well such here take why things help put years different away again off went old number great tell men say small every found still between name should home big give air line set own under read last never us left end along while might next sound below saw something thought both few those always looked show large often together asked house world going want school important until form food keep children feet land side without boy once animals life enough took sometimes four head above kind began almost live page got earth need far hand high year mother light parts country father let night following picture being study second eyes soon times story boys since white days ever paper hard near sentence better best across during today others however sure means knew try told young miles sun ways thing whole hear example heard several change answer room sea against top turned learn point city play toward five using himself usually'
).split(' ');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function capitalise(w) {
  return w[0].toUpperCase() + w.slice(1);
}

/** A register of n entries (people, organisations, places), with two forms each. */
export function makeRegister(n, random = rng(7)) {
  const people = [];
  const organisations = [];
  const places = [];
  const syll = ['ka', 'ro', 'vi', 'len', 'mar', 'tov', 'pet', 'ush', 'dan', 'bel', 'gor', 'zin', 'ov', 'ski', 'lin', 'sha'];
  const word = () => capitalise(Array.from({ length: 2 + Math.floor(random() * 2) }, () => syll[Math.floor(random() * syll.length)]).join(''));
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    let first, last;
    do {
      first = word();
      last = `${word()}${i.toString(36)}`;
    } while (seen.has(last));
    seen.add(last);
    const entry = { id: `r${i}`, name: `${first} ${last}`, forms: [`${first} ${last}`, last] };
    (i % 3 === 0 ? people : i % 3 === 1 ? organisations : places).push(entry);
  }
  return { people, organisations, places };
}

/**
 * About `bytes` of text in paragraphs, with a register name every ~200 characters,
 * a date every ~2,000, a gloss every ~3,000, an omission every ~5,000, and
 * `errors` planted OCR errors ("errtokN") for emendations anchored by their own text.
 */
export function makeText(bytes, register, errors, random = rng(42)) {
  const names = [...register.people, ...register.organisations, ...register.places].map((e) => e.forms[random() < 0.5 ? 0 : 1]);
  const parts = [];
  let size = 0;
  let sinceName = 0;
  let sinceDate = 0;
  let sinceGloss = 0;
  let sinceOmission = 0;
  let sentence = 0;
  const errorEvery = Math.max(1, Math.floor(bytes / 6 / Math.max(errors, 1)));
  let planted = 0;
  let words = 0;
  while (size < bytes) {
    let w = WORDS[Math.floor(random() * WORDS.length)];
    if (sentence === 0) w = capitalise(w);
    if (names.length > 0 && sinceName > 200) {
      w = names[Math.floor(random() * names.length)];
      sinceName = 0;
    } else if (sinceDate > 2000) {
      w = `${MONTHS[Math.floor(random() * 12)]} ${1 + Math.floor(random() * 28)}, ${1800 + Math.floor(random() * 200)}`;
      sinceDate = 0;
    } else if (sinceGloss > 3000) {
      w = `${w} [${WORDS[Math.floor(random() * WORDS.length)]} ${WORDS[Math.floor(random() * WORDS.length)]}]`;
      sinceGloss = 0;
    } else if (sinceOmission > 5000) {
      w = `${w} ...`;
      sinceOmission = 0;
    } else if (planted < errors && words % errorEvery === errorEvery - 1) {
      w = `errtok${planted++}`;
    }
    words++;
    sentence++;
    let sep = ' ';
    if (sentence > 8 + random() * 12) {
      sep = random() < 0.15 ? '.\n\n' : random() < 0.1 ? '.\n' : '. ';
      sentence = 0;
    }
    parts.push(w, sep);
    const added = w.length + sep.length;
    size += added;
    sinceName += added;
    sinceDate += added;
    sinceGloss += added;
    sinceOmission += added;
  }
  parts.push('End.\n');
  return { text: parts.join(''), planted };
}

export function makeConfig(register, planted) {
  return {
    metadata: {
      title: 'Benchmark text',
      date: { when: '1917-11-06' },
      editors: [{ id: 'ed', name: 'Bench Editor' }],
    },
    register,
    emendations: Array.from({ length: planted }, (_, i) => ({ sic: `errtok${i}`, corr: `fixed${i}`, type: 'ocr' })),
  };
}
