// Organisations that carry no organisation word in their name and are common in news.
export const KNOWN_ORGS: string[] = [
  'United Nations', 'UN', 'U.N.', 'NATO', 'EU', 'European Union', 'WHO', 'IMF', 'World Bank', 'WTO', 'OPEC',
  'FBI', 'CIA', 'NSA', 'NASA', 'Pentagon', 'Kremlin', 'White House', 'Downing Street', 'Congress', 'Senate',
  'Interpol', 'Europol', 'Red Cross', 'Amnesty International', 'Human Rights Watch', 'Greenpeace', 'UNICEF',
  'UNESCO', 'ASEAN', 'G7', 'G20', 'BRICS', 'Hamas', 'Hezbollah', 'Taliban', 'al-Qaeda', 'Al Qaeda', 'ISIS', 'IS',
  'Reuters', 'AP', 'Associated Press', 'AFP', 'Bloomberg', 'BBC', 'CNN', 'CBS', 'NBC', 'ABC', 'Fox News',
  'MSNBC', 'NPR', 'Politico', 'Axios', 'Xinhua', 'Tass', 'TASS', 'RT', 'Al Jazeera', 'Twitter', 'Facebook',
  'Google', 'Apple', 'Amazon', 'Microsoft', 'Meta', 'Netflix', 'Disney', 'Tesla', 'Uber', 'Huawei', 'Samsung',
  'Sony', 'Toyota', 'Boeing', 'Airbus', 'IBM', 'Intel', 'Nvidia', 'Oracle', 'Salesforce', 'Walmart', 'Alibaba',
  'Tencent', 'YouTube', 'Instagram', 'TikTok', 'WhatsApp', 'OpenAI', 'SpaceX', 'Gazprom', 'Rosneft', 'Hulu',
  'Pixar', 'Marvel', 'Lucasfilm', 'ESPN', 'Knesset', 'Duma', 'Bundestag', 'Politburo',
  'Goldman Sachs', 'JPMorgan', 'JPMorgan Chase', 'Morgan Stanley', 'Citigroup', 'Wells Fargo', 'BlackRock',
  'Barclays', 'HSBC', 'Deutsche Bank', 'UBS', 'Credit Suisse', 'Berkshire Hathaway', 'ExxonMobil', 'Chevron',
  'Shell', 'BP', 'Aramco', 'Pfizer', 'Moderna', 'AstraZeneca', 'Johnson & Johnson', 'Volkswagen', 'Ford',
  'Starbucks', 'McDonald’s', "McDonald's", 'Coca-Cola', 'PepsiCo', 'Nike', 'Visa', 'Mastercard', 'PayPal',
  'Islamic State', 'ISIL', 'Al-Shabab', 'al-Shabab', 'Boko Haram', 'Wagner Group', 'Houthis', 'Muslim Brotherhood',
  'Medicare', 'Medicaid', 'Democrats', 'Republicans', 'Labour', 'Tories', 'Conservatives', 'Kuomintang', 'Interfax',
];

/** Aliases to a canonical organisation name. */
export const ORG_ALIASES: Record<string, string> = {
  UN: 'United Nations', 'U.N.': 'United Nations', EU: 'European Union', 'E.U.': 'European Union',
  'Associated Press': 'Associated Press', AP: 'Associated Press', Democrats: 'Democratic Party',
  Republicans: 'Republican Party', GOP: 'Republican Party', Tories: 'Conservative Party',
  'Al Qaeda': 'al-Qaeda',
};
