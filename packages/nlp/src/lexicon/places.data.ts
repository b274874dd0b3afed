// Places beyond the country list from world-countries: continents, regions, seas, US states and large cities.
// Kept small on purpose: the rules find other places from context ("in X", "X Province").

export const PLACES: string[] = [
  // continents and regions
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Antarctica',
  'Oceania', 'Middle East', 'Gulf', 'Balkans', 'Caribbean', 'Scandinavia', 'Siberia', 'Sahara', 'Sahel',
  'Southeast Asia', 'East Asia', 'South Asia', 'Central Asia', 'West Africa', 'East Africa', 'North Africa',
  'Eastern Europe', 'Western Europe', 'Arctic', 'Pacific', 'Atlantic', 'Mediterranean', 'Indo-Pacific',
  'South China Sea', 'East China Sea', 'Black Sea', 'Red Sea', 'Baltic Sea', 'Persian Gulf', 'Taiwan Strait',
  'Strait of Hormuz', 'Gaza', 'Gaza Strip', 'West Bank', 'Golan Heights', 'East Jerusalem', 'Crimea', 'Donbas',
  'Donbass', 'Kashmir', 'Tibet', 'Xinjiang', 'Hong Kong', 'Macau', 'Kurdistan', 'Chechnya', 'Catalonia',
  'Scotland', 'England', 'Wales', 'Northern Ireland', 'Silicon Valley', 'Wall Street', 'Midwest', 'Appalachia',
  // US states
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Washington State',
  // Australian states, Canadian provinces, Indian states (the large ones)
  'New South Wales', 'Victoria', 'Queensland', 'Tasmania', 'Ontario', 'Quebec', 'British Columbia', 'Alberta',
  'Karnataka', 'Maharashtra', 'Kerala', 'Tamil Nadu', 'Uttar Pradesh', 'Bihar', 'Gujarat', 'Punjab', 'Bengal',
  'West Bengal', 'Rajasthan', 'Telangana', 'Andhra Pradesh', 'Assam', 'Odisha', 'Jammu', 'Bavaria',
  // cities (capitals come from world-countries)
  'New York City', 'Los Angeles', 'San Francisco', 'Chicago', 'Houston', 'Dallas', 'Miami', 'Boston', 'Seattle',
  'Atlanta', 'Philadelphia', 'Phoenix', 'Detroit', 'Denver', 'Las Vegas', 'San Diego', 'San Jose', 'Austin',
  'Baltimore', 'Brooklyn', 'Manhattan', 'Queens', 'the Bronx', 'Cupertino', 'Palo Alto', 'Orlando', 'Nashville',
  'New Orleans', 'Pittsburgh', 'Cleveland', 'Minneapolis', 'St. Louis', 'Sacramento', 'Portland', 'Anaheim',
  'Burbank', 'Hollywood', 'Santa Monica', 'Oakland', 'Honolulu', 'Toronto', 'Montreal', 'Vancouver', 'Sydney',
  'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Auckland', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Wuhan',
  'Chongqing', 'Mumbai', 'Bangalore', 'Bengaluru', 'Kolkata', 'Chennai', 'Hyderabad', 'Karachi', 'Lahore',
  'Istanbul', 'Dubai', 'Abu Dhabi', 'Jeddah', 'Mecca', 'Jerusalem', 'Tel Aviv', 'Aleppo', 'Mosul', 'Basra',
  'Benghazi', 'Alexandria', 'Lagos', 'Johannesburg', 'Cape Town', 'Rio de Janeiro', 'Sao Paulo', 'São Paulo',
  'Barcelona', 'Milan', 'Munich', 'Frankfurt', 'Hamburg', 'Geneva', 'Zurich', 'Davos', 'Manchester',
  'Liverpool', 'Birmingham', 'Glasgow', 'Edinburgh', 'Belfast', 'Kharkiv', 'Odesa', 'Odessa', 'Lviv',
  'St Petersburg', 'St. Petersburg', 'Saint Petersburg', 'Osaka', 'Kyoto', 'Busan', 'Hanoi', 'Ho Chi Minh City',
  'Mar-a-Lago', 'Camp David', 'Guantanamo',
];

/** Aliases to a canonical place name (the country's common name in world-countries). */
export const PLACE_ALIASES: Record<string, string> = {
  'U.S.': 'United States', US: 'United States', USA: 'United States', 'U.S.A.': 'United States', America: 'United States',
  'United States of America': 'United States', 'the States': 'United States',
  UK: 'United Kingdom', 'U.K.': 'United Kingdom', Britain: 'United Kingdom', 'Great Britain': 'United Kingdom',
  PRC: 'China', 'P.R.C.': 'China', 'Mainland China': 'China', "People's Republic of China": 'China',
  'People’s Republic of China': 'China', DPRK: 'North Korea', ROK: 'South Korea', UAE: 'United Arab Emirates',
  'U.A.E.': 'United Arab Emirates', USSR: 'Soviet Union', 'Soviet Union': 'Soviet Union', Holland: 'Netherlands',
  'the Netherlands': 'Netherlands', 'Czech Republic': 'Czechia', 'Ivory Coast': 'Ivory Coast', Burma: 'Myanmar',
  'Russian Federation': 'Russia', 'Republic of Korea': 'South Korea', 'Islamic Republic of Iran': 'Iran',
  'Washington, D.C.': 'Washington', 'Washington D.C.': 'Washington', 'D.C.': 'Washington', NYC: 'New York City',
  'L.A.': 'Los Angeles', 'Beijing': 'Beijing',
  'Ala.': 'Alabama', 'Ariz.': 'Arizona', 'Ark.': 'Arkansas', 'Calif.': 'California', 'Colo.': 'Colorado',
  'Conn.': 'Connecticut', 'Fla.': 'Florida', 'Ga.': 'Georgia', 'Ill.': 'Illinois', 'Kan.': 'Kansas', 'Ky.': 'Kentucky',
  'Md.': 'Maryland', 'Mass.': 'Massachusetts', 'Mich.': 'Michigan', 'Minn.': 'Minnesota', 'Mont.': 'Montana',
  'Neb.': 'Nebraska', 'Nev.': 'Nevada', 'Okla.': 'Oklahoma', 'Ore.': 'Oregon', 'Tenn.': 'Tennessee', 'Vt.': 'Vermont',
  'Wis.': 'Wisconsin', 'Wyo.': 'Wyoming',
};
