import type { Token } from '../text/tokens';
import type { NameCandidate } from './name.finder';
import type { Gazetteer } from '../lexicon/gazetteer';

// Teams named after their town. A match report writes "Norwich beat Hull 3-1", "Norwich goalkeeper
// Owen Crane", "Norwich travel to Bristol City": the 3-class model reads a town's name as the town
// whatever it does. In a text about sport, what the name does or owns says it is the club.

/** Words only a text about a match or a league uses (nouns of the game, its people and its table). */
const SPORT_WORDS = new Set(
  `goal goals goalkeeper keeper striker midfielder midfield defender winger centre-back centre-half fullback
  full-back penalty penalties match matches fixture league play-off play-offs playoff playoffs kick-off half-time
  halftime referee touchdown quarterback innings wicket wickets striker scorer equaliser equalizer
  derby relegation promotion championship premiership rebounds rebound turnovers 3-pointer 3-pointers three-pointer
  three-pointers layup layups dunk buzzer-beater inning pitcher shortstop homer puck power-play hat-trick try-scorer
  fly-half scrum`.split(/\s+/),
);

/** The club's people and parts: "Norwich goalkeeper", "Hull's captain", "Brighton fans". */
const CLUB_NOUNS = new Set(
  `goalkeeper keeper striker midfielder defender winger forward captain manager coach head boss squad fans
  supporters academy side players player defence defense attack chairman skipper fullback full-back
  centre-back centre-half`.split(/\s+/),
);

/** What a club does in a match report, right after its name: "Norwich beat", "Hull travel". */
const CLUB_VERBS = new Set(
  `beat beats defeated defeat thrashed edged drew draw lost lose won win host hosts hosted visit visits
  travel travels face faces play meet came sit climb climbed led trailed scored conceded`.split(/\s+/),
);

/** Words a club's name follows in a match report: "against Coventry City", "joined Brighton". */
const CLUB_BEFORE = new Set(['against', 'beat', 'beating', 'defeated', 'joined', 'join', 'joining', 'v', 'vs', 'vs.', 'versus']);

/** Club name endings after a town: "Ipswich Town", "Bristol City", "Leeds United". */
const CLUB_SUFFIXES = new Set(
  `town city united rovers athletic albion wanderers county hotspur villa rangers orient argyle fc afc state`.split(/\s+/),
);

// auxiliaries between a club and its verb: "Valencia had led"
const AUXILIARIES = new Set(['had', 'have', 'has']);

// prepositions of where something is, before a town named as a town
const IN_PLACE = new Set(['in', 'near', 'outside', 'across', 'throughout', 'around']);

const SCORE = /^\d{1,2}[-–]\d{1,2}$/;

/** True when the text is about sport: a score and words of the game, or several such words. */
export function isSportText(tokens: readonly Token[]): boolean {
  let words = 0;
  let score = false;
  for (const t of tokens) {
    if (SPORT_WORDS.has(t.text.toLowerCase())) words++;
    else if (SCORE.test(t.text)) score = true;
    if (words >= 4 || (score && words >= 2)) return true;
  }
  return false;
}

/**
 * In a text about sport, a town's name (one word the model read as a place and the gazetteer does
 * not know: no country, state or capital) that stands as a club does — its people or a club verb
 * after it, a club preposition before it — is the club, and a town with a club's ending ("Ipswich
 * Town", "Bristol City", "Oregon State") is one too. The same name after "in" is the town ("meet again in Oklahoma
 * City"): a name said both ways keeps the model's reading. A venue ("Carrow Road") is left alone.
 */
export function teamContext(tokens: readonly Token[], c: NameCandidate, gaz: Gazetteer): 'ORGANIZATION' | 'LOCATION' | null {
  // (the model may call "Coventry City" an organisation: the club's ending must keep it one)
  if (c.modelType === 'PERSON' || !c.modelType) return null;
  const words = c.words.map((w) => w.toLowerCase());
  const sent = tokens[c.first]!.sent;
  const at = (k: number): string => (tokens[k]?.sent === sent ? tokens[k]!.text.toLowerCase() : '');
  const suffixed = words.length >= 2 && CLUB_SUFFIXES.has(words[words.length - 1]!) && gaz.match(c.words, 0)?.length !== words.length;
  const town = words.length === 1 && c.modelType === 'LOCATION' && !c.known;
  if (!suffixed && !town) return null;
  if (IN_PLACE.has(at(c.first - 1))) return 'LOCATION';
  if (suffixed) return 'ORGANIZATION';
  let next = at(c.last);
  if (next === "'s" || next === '’s' || AUXILIARIES.has(next)) next = at(c.last + 1);
  if (CLUB_NOUNS.has(next) || CLUB_VERBS.has(next)) return 'ORGANIZATION';
  // ("Brighton, who are understood to …": a town is no "who")
  if (next === ',' && at(c.last + 1) === 'who') return 'ORGANIZATION';
  return CLUB_BEFORE.has(at(c.first - 1)) ? 'ORGANIZATION' : null;
}
