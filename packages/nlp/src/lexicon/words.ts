// Closed-class English word lists used by the rules. Lower-case unless noted.

/** Person titles and roles that precede a name and are never part of it (matched case-insensitively, longest first). */
export const TITLES: string[] = [
  'president', 'vice president', 'president-elect', 'former president', 'prime minister', 'deputy prime minister',
  'minister', 'foreign minister', 'defence minister', 'defense minister', 'finance minister', 'interior minister',
  'secretary', 'secretary of state', 'secretary-general', 'secretary general', 'undersecretary', 'under secretary',
  'attorney general', 'attorney', 'sen.', 'senator', 'rep.', 'representative', 'congressman', 'congresswoman',
  'gov.', 'governor', 'lt. gov.', 'lieutenant governor', 'mayor', 'mr.', 'mrs.', 'ms.', 'miss', 'dr.', 'prof.', 'professor',
  'judge', 'justice', 'chief justice', 'gen.', 'general', 'lt.', 'col.', 'colonel', 'lieutenant', 'sgt.', 'sergeant',
  'capt.', 'captain', 'adm.', 'admiral', 'maj.', 'major', 'cmdr.', 'commander', 'lt. col.', 'lt. gen.', 'maj. gen.',
  'speaker', 'house speaker', 'ambassador', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'rev.',
  'reverend', 'sheikh', 'emir', 'crown prince', 'chairman', 'chairwoman', 'chair', 'ceo', 'chief executive',
  'chief executive officer', 'executive', 'director', 'commissioner', 'premier', 'state councilor', 'detective',
  'officer', 'inspector', 'chief', 'sir', 'dame', 'lord', 'lady', 'st.', 'senate majority leader', 'majority leader',
  'minority leader', 'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'founder', 'co-founder', 'coach',
  'analyst', 'economist', 'envoy', 'special envoy', 'ambassador-at-large', 'deputy', 'assistant', 'counsel',
  'special counsel', 'pastor', 'father', 'bishop', 'archbishop', 'cardinal', 'rabbi', 'imam', 'ayatollah', 'agent',
  'host', 'anchor', 'reporter', 'correspondent', 'editor', 'publisher', 'author', 'lawyer', 'dean', 'provost',
  'whistleblower', 'head', 'boss', 'vice chairman', 'vice-president', 'press secretary', 'then-president',
  'prosecutor', 'chief prosecutor', 'public prosecutor', 'police chief', 'coach', 'manager', 'adviser', 'advisor', 'national security adviser', 'ombudsman', 'senior adviser', 'chief of staff',
  // British style drops the period
  'mr', 'mrs', 'ms', 'dr', 'lt', 'col', 'lt col', 'gen', 'sgt', 'capt', 'gov', 'sen', 'prof', 'rev', 'st',
  // honorifics of West Africa, South and Southeast Asia, written before the name as "Mr" is
  'alhaji', 'alhaja', 'hajiya', 'mallam', 'shri', 'smt.', 'smt', 'datuk', 'dato', 'tan sri',
  // "the Honourable", before a legislator's or a party official's name in Commonwealth styles
  'hon', 'hon.',
  // British councillors
  'cllr', 'cllr.', 'councillor', 'councilor',
  // Australian councillors
  'cr', 'cr.',
];

/** Nouns naming a role; "the minister said" resolves to a person recently given that role. */
export const ROLE_NOUNS = new Set([
  'president', 'minister', 'secretary', 'senator', 'governor', 'mayor', 'judge', 'justice', 'general', 'speaker',
  'ambassador', 'chancellor', 'king', 'queen', 'prince', 'chairman', 'chairwoman', 'chair', 'ceo', 'executive',
  'director', 'commissioner', 'premier', 'officer', 'official', 'officials', 'spokesman', 'spokeswoman',
  'spokesperson', 'founder', 'coach', 'analyst', 'economist', 'envoy', 'diplomat', 'lawyer', 'attorney', 'leader',
  'doctor', 'professor', 'researcher', 'expert', 'witness', 'prosecutor', 'police', 'source', 'sources', 'aide',
  'prosecutor', 'chief prosecutor', 'public prosecutor', 'police chief', 'coach', 'manager', 'adviser', 'advisor', 'lawmaker', 'lawmakers', 'congressman', 'congresswoman', 'representative', 'manager',
  'owner', 'resident', 'student', 'teacher', 'worker', 'employee', 'victim', 'mother', 'father', 'son', 'daughter',
  'wife', 'husband', 'friend', 'neighbour', 'neighbor', 'statement', 'report', 'company', 'firm', 'ministry',
  'government', 'department', 'agency', 'group', 'organization', 'organisation', 'committee', 'council', 'party',
  'campaign', 'office', 'administration', 'spokesperson', 'representative', 'counsel', 'editor', 'reporter',
  'scientist', 'historian', 'author', 'host', 'partner', 'investor', 'chief', 'head', 'candidate', 'boss',
  'chamber', 'association', 'federation', 'commission', 'authority', 'institute', 'foundation', 'trust', 'alliance',
  'coalition', 'charity', 'watchdog', 'airline', 'club', 'hospital', 'school', 'college', 'captain', 'skipper',
]);

/** Role nouns that stand for an organisation rather than a person. */
export const ORG_ROLE_NOUNS = new Set([
  'company', 'firm', 'ministry', 'government', 'department', 'agency', 'group', 'organization', 'organisation',
  'committee', 'council', 'party', 'campaign', 'office', 'administration', 'statement', 'report', 'court',
  'network', 'bank', 'university', 'union', 'board', 'embassy', 'military', 'army', 'police', 'newspaper',
  // bodies by their kind ("the chamber said in a statement", "the regulator said", "the airline said")
  'chamber', 'association', 'federation', 'commission', 'authority', 'institute', 'foundation', 'trust', 'alliance',
  'coalition', 'charity', 'regulator', 'watchdog', 'airline', 'insurer', 'retailer', 'carmaker', 'manufacturer',
  'broadcaster', 'club', 'hospital', 'school', 'college', 'ministry',
]);

/** Speech and reporting verbs (any inflection listed); "according to" is handled apart. */
export const CUE_VERBS = new Set(
  `say says said saying tell tells told telling add adds added adding states stated stating explain explains
  explained explaining note notes noted noting write writes wrote writing tweet tweets tweeted tweeting ask asks asked
  asking argue argues argued arguing insist insists insisted insisting warn warns warned warning claim claims claimed
  claiming declare declares declared declaring announce announces announced acknowledge acknowledges acknowledged
  admit admits admitted recall recalls recalled reply replies replied respond responds responded continue continues
  continued conclude concludes concluded suggest suggests suggested urge urges urged testify testifies testified
  reiterate reiterates reiterated stress stresses stressed emphasise emphasised emphasize emphasized describe
  describes described quip quips quipped counter counters countered concede concedes conceded caution cautions
  cautioned predict predicts predicted promise promises promised vow vows vowed confirm confirms confirmed deny
  denies denied complain complains complained lament laments lamented observe observes observed remark remarks
  remarked beg begs begged plead pleads pleaded pleading assert asserts asserted maintain maintains maintained
  contend contends contended recount recounts recounted boast boasts boasted joke jokes joked shout shouts shouted
  yell yelled whisper whispered mutter muttered exclaim exclaimed reply insist agree agrees agreed allege alleges
  alleged accuse accuses accused charge charged posted wrote remembered ruled rules announce read reads acknowledging
  admitting arguing repeated repeats repeat highlighted pointed demanded demand demands called calls branded
  dubbed labelled labeled characterized characterised added calling branding labelling comment comments commented
  commenting assure assures assured pledge pledges pledged dismissed dismisses shout bellow bellows bellowed roar roars
  roared scream screams screamed snapped growled`.split(/\s+/).filter(Boolean),
);

/** Verbs too loose to introduce a quote they precede ("X concluded the deal was 'fair'"), fine after one. */
export const AFTER_ONLY_CUES = new Set(['continue', 'continues', 'continued', 'conclude', 'concludes', 'concluded', 'maintain', 'maintains', 'maintained', 'observed', 'promised', 'predicted', 'agreed', 'agrees', 'charged', 'demanded']);

/** Verbs that label a phrase instead of reporting speech ("dubbed the 'Three Amigos'"). */
export const NAMING_VERBS = new Set(['called', 'calls', 'calling', 'branded', 'branding', 'dubbed', 'labelled', 'labeled', 'named', 'nicknamed', 'termed', 'known']);

/** Words between a subject and its cue verb that can be skipped ("Wang also said", "he has said"). */
export const AUX_ADVERBS = new Set(
  `also later then has have had was were is are will would could did does do previously once again earlier recently
  further simply only just repeatedly publicly privately angrily flatly quickly bluntly told reportedly has
  separately finally never often subsequently`.split(/\s+/).filter(Boolean),
);

export const PRONOUNS = new Map<string, 'PERSON' | 'THING' | 'GROUP'>([
  ['he', 'PERSON'], ['she', 'PERSON'], ['it', 'THING'], ['they', 'GROUP'], ['i', 'PERSON'], ['we', 'GROUP'],
]);

/** Words that are capitalised at a sentence start but never begin a name. */
export const SENTENCE_STOP = new Set(
  `the a an and but or nor so yet for in on at by of to from with without into onto over under after before during
  since until while when where why how what which who whom whose this that these those it its he she they we i you
  his her their our my your there here however instead despite although though because if as also even still
  other others another some many most all both each every no not any few several such more less much one two three
  four five six seven eight nine ten first second third last next new old earlier later meanwhile then now today
  yesterday tomorrow tonight according just only once about above across against along among around behind below
  beneath beside between beyond near off out through throughout toward towards upon via within amid mr mrs ms
  asked speaking following underscoring unlike like given per whether either neither perhaps maybe indeed overall
  well yes oh thanks thank please let let's here's that's it's there's what's we're they're i'm don't can't
  is are was were be been being have has had do does did will would should could may might must can shall
  chinese american russian breaking update updated read watch related photo video more editor former ex then late
  acting interim outgoing incoming veteran senior`.split(/\s+/).filter(Boolean),
);

export const CALENDAR_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan. feb. aug. sept. sep. oct. nov. dec. christmas easter ramadan
  thanksgiving halloween`.split(/\s+/).filter(Boolean),
);

/** Lower-case words allowed inside a capitalised name ("Bank of America", "Ludwig van Beethoven"). */
export const NAME_CONNECTORS = new Set(['of', 'on', 'de', 'da', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', '&', 'for', 'and']);

/** A name whose last word is one of these is an organisation. */
export const ORG_HEADS = new Set(
  `committee council party inc inc. corp corp. corporation company co co. ltd ltd. llc plc group holdings
  university college school academy institute institution ministry department agency bureau office service services
  commission authority board bank fund foundation association federation union league alliance coalition
  organization organisation society club court parliament congress senate assembly administration government
  army navy force forces guard police command times post news journal herald tribune gazette telegraph guardian
  review magazine press network networks media radio television tv broadcasting airlines airways motors industries
  technologies systems labs laboratories pharmaceuticals partners capital securities exchange reserve treasury
  cabinet council church mission centre center hospital clinic museum studios entertainment records brands
  foods energy oil petroleum telecom communications insurance trust initiative project program programme movement
  front brigade brigades taliban hamas hezbollah caucus house productions animation pictures films studio ventures
  enterprises investments software stores store network research analytics consulting associates advisors advisers
  resources materials minerals metals mining logistics therapeutics biosciences robotics solutions restaurants
  chemicals steel chamber chambers consortium syndicate cooperative co-operative trustees division directorate
  secretariat inspectorate freight shipping cargo haulage transport aviation ferries railways railway buses motorsport racing brotherhood guild`.split(/\s+/).filter(Boolean),
);

/**
 * Common nouns that say "this is an organisation" when they stand right before a name ("energy
 * company Burisma") or head its appositive ("Dräger, a global producer of …").
 */
export const ORG_DESCRIPTORS = new Set(
  `company companies firm startup start-up group agency bank newspaper network label platform app website outlet
  publication broadcaster retailer maker manufacturer producer provider carrier airline brand giant conglomerate
  insurer lender developer publisher studio chain operator automaker carmaker distributor supplier subsidiary
  nonprofit non-profit charity organization organisation watchdog regulator tabloid daily weekly magazine
  service app-maker consultancy`.split(/\s+/).filter(Boolean),
);

/** A name whose last word is one of these is a place. */
export const LOC_HEADS = new Set(
  `sea ocean river mountain mountains mount island islands gulf bay strait straits province county state states city
  valley peninsula lake desert street avenue road square region district territory territories coast border
  canal harbour harbor park heights hills plain plains basin delta falls village town capital`.split(/\s+/),
);

/** Last words of the names of venues and buildings: places (facilities), whatever the model calls them. */
export const FACILITY_HEADS = new Set([
  'arena',
  'amphitheatre',
  'amphitheater',
  'stadium',
  'pavilion',
  'theatre',
  'theater',
  'coliseum',
  'auditorium',
  'dam',
  'reservoir',
  'weir',
  'mall',
]);

/** Lower-case words that, right before a capitalised word, suggest a place ("in Doha"). */
export const LOC_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout', 'from', 'visited', 'visit', 'visiting', 'to']);

/** Connectors allowed only after an organisation word or a title ("Committee on X", "Commissioner for Y"). */
export const ORG_CONNECTORS = new Set(['for', 'on']);
