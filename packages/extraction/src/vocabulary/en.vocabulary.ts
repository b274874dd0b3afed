import type { BoilerplateVocabulary } from './vocabulary.types';

export const en: BoilerplateVocabulary = {
  share: [
    'share', 'share this', 'share this article', 'share this story', 'share this page', 'share article', 'share story',
    'share page', 'share on facebook', 'share on twitter', 'share on x', 'share on linkedin', 'share on whatsapp',
    'share via email', 'tweet', 'email', 'print', 'copy link', 'facebook', 'twitter', 'linkedin', 'whatsapp',
  ],
  related: [
    'read more', 'read next', 'read also', 'also read', 'related', 'related article', 'related articles', 'related stories',
    'related content', 'related coverage', 'related posts', 'see also', 'more from', 'more on', 'recommended',
    'recommended for you', 'you may also like', 'you might also like', 'also on', 'most read', 'most popular',
  ],
  teasers: [
    'most read', 'most viewed', 'most popular', 'most shared', 'most commented', 'popular', 'popular this week', 'popular now',
    'popular stories', 'popular posts', 'latest', 'latest news', 'latest stories', 'latest articles', 'recent articles',
    'recent posts', 'recent stories', 'recent news', 'top stories', 'trending', 'trending now', 'trending stories',
    "editor's picks", 'editors picks', 'highlights', 'breaking news',
  ],
  comments: [
    'comments', 'comment', 'leave a comment', 'leave a reply', 'tell us what you think', 'join the discussion',
    'join the conversation',
  ],
  imprint: ['imprint', 'privacy policy', 'terms of use', 'terms of service', 'contact us', 'about us'],
  widgets: [
    'sign in', 'log in', 'login', 'register', 'menu', 'search', 'loading', 'loading content', 'caption', 'close',
    'learn more', 'load more', 'show more', 'see more', 'view all', 'view more', 'next', 'previous', 'prev', 'more',
  ],
  ads: [
    'advertisement', 'advertising', 'advert', 'sponsored', 'sponsored content', 'ad', 'story continues below',
    'story continues below advertisement', 'continue reading below', 'scroll to continue',
  ],
  tags: ['tags', 'tag', 'tagged', 'tagged with', 'tagged in', 'topics', 'topic', 'categories', 'category', 'filed under', 'keywords'],
  credit: [
    'photo', 'photos', 'photograph', 'photographs', 'image', 'images', 'picture', 'pictures', 'illustration', 'graphic',
    'credit', 'credits', 'video', 'photo credit', 'image credit',
  ],
  creditBy: ['by', 'courtesy'],
  subscribe: [
    'sign up', 'subscribe', 'stay informed', 'already a subscriber', 'become a member', 'become a subscriber',
    'support our journalism', 'support independent journalism', 'read the full article', 'read the full story',
    'read the whole article', 'read the whole story', 'read the rest of the article', 'read the rest of the story',
    'to continue reading', 'continue reading with', 'this article is for subscribers', 'this story is for subscribers',
    'this article is available to subscribers', 'this article is for members', 'this story is available to members',
  ],
  // Only names of newsletters: "subscribers" with "sign up" is as often a sentence about a business.
  newsletter: ['newsletter', 'newsletters'],
  signUp: ['sign up', 'subscribe', 'inbox', 'every morning', 'every day', 'every week', 'free'],
  cookie: ['cookie', 'cookies'],
  consent: ['accept', 'consent', 'privacy', 'we use', 'this site uses', 'agree'],
  follow: ['follow us on'],
  home: ['home'],
  by: ['by'],
  // The English rules match month and weekday stems (block.filter.ts); these are for the tables' users.
  months: [],
  weekdays: [],
  dateLabels: ['updated', 'published', 'posted', 'last updated'],
  dateGlue: ['on', 'at', 'am', 'pm', 'a.m', 'p.m'],
  classWords: [],
  aboutOpeners: ['about'],
  pressContacts: ['media contact', 'media contacts', 'press contact', 'press contacts', 'media inquiries', 'media enquiries', 'press inquiries', 'press enquiries', 'investor contact', 'investor contacts', 'investor relations contact', 'for media inquiries', 'for more information, contact'],
};
