// Common given names: a capitalised word pair starting with one of these is a person.
// Deliberately short; unknown names are caught by titles, cue verbs and word shape.
export const FIRST_NAMES = new Set(
  `aaron adam adrian ahmed alan albert alex alexander alexandra alexis ali alice alicia allison amanda amy ana andrea
  andrew andy angela angelina ann anna anne anthony antonio antony ashley barack barbara ben benjamin bernie beth
  betsy bill billy bob bobby boris brad bradley brandon brenda brett brian bruce bryan carl carlos carol caroline
  carrie catherine charles charlie chris christian christina christine christopher chuck cindy claire colin connor
  craig cynthia dan daniel danny david dean deborah debbie dennis derek devin diana diane dick don donald donna doug
  douglas dylan ed eddie edward elizabeth ellen emily emma emmanuel eric erica erin evan fiona frank fred gary george
  gavin gerald gina gordon grace greg gregory hannah harold harry heather helen henry hillary howard hunter ian isaac
  jack jackie jacob jake james jamie jane janet jared jason jeff jeffrey jen jennifer jenny jeremy jerry jess jessica
  jill jim jimmy joan joe joel john johnny jon jonathan jordan jose joseph josh joshua joyce juan judy julia julian
  julie justin karen kate katherine kathleen kathy katie keith kelly ken kenneth kevin kim kimberly kurt kyle larry
  laura lauren lee leo leon linda lindsey lisa liz louis lucy luis luke maria marie mark martin mary matt matthew
  maxine megan melania melissa michael michelle mike mitch mohammed mohammad muhammad nancy natalie nathan neil nick
  nicholas nicole nikki noah oliver olivia pamela patricia patrick paul peter phil philip rachel ralph randy ray
  rebecca richard rick rob robert robin roger ron ronald rose ross roy rudy russell ruth ryan sally sam samantha
  samuel sandra sara sarah scott sean sergei sergey shannon sharon shawn sophie stephanie stephen steve steven sue
  susan tammy ted teresa terry thomas tim timothy tina todd tom tony tracy tyler valerie vanessa victor victoria
  vince vincent vladimir walter wayne wendy william willie zach`.split(/\s+/).filter(Boolean),
);

/** Given names (from the list above and a few more) that are almost always a woman's. */
export const FEMALE_NAMES = new Set(
  `alexandra alice alicia allison amanda amy ana andrea angela angelina ann anna anne ashley barbara beth betsy
  brenda carol caroline carrie catherine christina christine cindy claire cynthia diana diane deborah debbie donna
  elizabeth ellen emily emma erica erin fiona grace hannah heather helen hillary jackie jane janet jennifer jenny jess
  jessica jill joan joyce judy julia julie karen kate katherine kathleen kathy katie kelly kimberly laura lauren linda
  lindsey lisa liz lucy maria marie mary maxine megan melania melissa michelle nancy natalie nicole nikki olivia
  pamela patricia rachel rebecca rose ruth sally samantha sandra sara sarah shannon sharon sophie stephanie sue susan
  tammy teresa tina valerie vanessa victoria wendy kamala ursula angela theresa nadia fatima aisha priya marine
  giorgia jacinda greta taylor missy norma penelope friederike eva karine lisa`.split(/\s+/).filter(Boolean),
);

/** Given names that are not women's in the list above, less the ones used for both. */
export const UNISEX = new Set(['alex', 'alexis', 'jamie', 'jordan', 'kim', 'lee', 'robin', 'sam', 'terry', 'tracy', 'taylor', 'kelly', 'jess', 'chris', 'andrea']);
export const MALE_NAMES = new Set([...FIRST_NAMES].filter((n) => !FEMALE_NAMES.has(n) && !UNISEX.has(n)));
