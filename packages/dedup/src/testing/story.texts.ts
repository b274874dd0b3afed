/** A short news story and a different article on the same subject, for the tests. */
export const STORY = [
  'The city council voted on Tuesday to close the old bridge over the river for repairs that are expected to last most of next year.',
  'Engineers found cracks in two of the bridge’s supports during an inspection in the spring, and the council was told the crossing could not stay open safely.',
  '“We have no choice but to close it now,” the mayor said after the vote, adding that a ferry service would run while the work goes on.',
  'Local businesses near the bridge said they feared losing customers, and several asked the council for help with the cost of the closure.',
  'The repairs are expected to cost about 14 million dollars, most of it paid by the state, officials said.',
].join('\n\n');

export const SAME_TOPIC = [
  'Drivers faced long queues on Wednesday as the river crossing closed, a day after the city council backed a plan to shut it for a year.',
  'Ferry operators said they were adding boats, while shop owners on the east bank described empty streets and lost trade since the announcement.',
  'The state transport department said it would publish a timetable for the works and expected the new supports to be in place by the autumn.',
  'Critics of the plan said the council had ignored warnings about the bridge for years and should have acted long before the cracks were found.',
].join('\n\n');
