"""English copy: the economy and defense (format: see generator.parse)."""

TEXT = """
== cb_hold
h Central bank of {country} holds key rate at {rate}%
h {country} keeps interest rates on hold at {rate}% with inflation at {inflation}%
h Central bank of {country} leaves rate unchanged at {rate}%
l The central bank of {country} left its key interest rate unchanged at {rate}%, saying
  inflation of {inflation}% remained above its {target}% target.
l Policymakers {country:in} kept borrowing costs on hold at {rate}%, as most analysts had
  expected, and signalled they were in no hurry to ease policy.
p1 The decision was unanimous, according to a statement. The bank said price growth had slowed
  in recent months but that inflation expectations among households and businesses remained high.
p1 Annual inflation stood at {inflation}% last month. The bank repeated that it aims to bring it
  back to {target}% over the medium term and will keep policy tight for as long as needed.
p2 Most economists polled before the meeting had expected no change. Government bond yields
  edged lower after the announcement, and the national currency was little changed.
p2 The bank said wage growth and strong consumer lending were still adding to price pressures,
  while a weaker harvest had pushed up food prices.
q We see signs that inflation is slowing, but it is too early to declare victory.
q Our decisions will depend on the data. We are ready to act in either direction if conditions
  change.
q2 an economist at {bank} || The message is clear: no cuts until inflation is firmly on the way
  down.
q2 chief economist at {bank} || We expect the first cut early next year, provided food prices
  stabilise.
c The bank raised rates sharply over the previous two years to rein in price growth that
  followed a surge in import costs and a tight labour market.
c Business groups have urged the bank to start lowering rates, arguing that expensive credit is
  holding back investment.
o The next rate decision is due in {weeks} weeks.
r1 governor of the central bank
r1 deputy governor of the central bank

== cb_move
t raises|raised|hike|inflation that has proved more persistent than expected
t cuts|cut|cut|a steady slowdown in inflation
h Central bank of {country} {thing} key rate to {rate}%
h {country} {thing} interest rates by {change:percentage point|percentage points} to {rate}%
h Central bank of {country} {thing} rate to {rate}%, keeps options open
l The central bank of {country} {thing:1} its key interest rate by
  {change:percentage point|percentage points} to {rate}%, citing {thing:3}.
l Policymakers {country:in} {thing:1} borrowing costs to {rate}% from {old}%, a move most
  analysts had expected.
p1 The decision took the key rate from {old}% to {rate}%. Annual inflation stood at {inflation}%
  last month, against the bank’s target of {target}%.
p1 In a statement, the bank said it had {thing:1} the rate in response to {thing:3} and that it
  would keep a close watch on price expectations.
p2 Bond markets had largely priced in the move, and the national currency was little changed in
  afternoon trading.
p2 Economists said the decision reflected a careful balance between taming prices and supporting
  growth, which has slowed this year.
q The decision was not easy, but it is necessary to keep prices stable.
q We will assess the effect of today’s move before deciding on the next step.
q2 an economist at {bank} || The bank has shown it is willing to move, and markets will now
  watch the next meeting closely.
q2 chief economist at {bank} || We think one more move of this size is likely before the end of
  the year.
c The bank’s previous decision left the rate unchanged. Business groups and lenders had been
  split over what it should do this time.
c Inflation {country:in} has been driven largely by food and service prices, while the labour
  market has remained tight.
o The next policy meeting is scheduled in {weeks} weeks.
r1 governor of the central bank
r1 deputy governor of the central bank

== earnings
t rises|rose
t falls|fell
h {org} quarterly profit {thing} {pct}%
h {org} net profit {thing} {pct}% to {profit}
h {org} shares in focus as quarterly profit {thing} {pct}%
l {org} said its quarterly net profit {thing:1} {pct}% from a year earlier to {profit}, on
  revenue of {revenue}.
l Net profit at {org}, one of the largest employers {city:in}, {thing:1} {pct}% in the latest
  quarter, the company said.
p1 Revenue for the quarter came to {revenue}, the company said in a statement. It employs about
  {staff} people and has its headquarters {city:in}.
p1 The company said the result reflected changes in demand and costs across its main markets, as
  well as the effect of currency movements.
p2 {org} kept its full-year guidance, forecasting sales growth of about {target}%. It did not
  change its dividend policy.
p2 Management said it would keep investing in new capacity and digital systems and had no plans
  to cut jobs.
q The quarter showed that our strategy holds up in a difficult market.
q We are focused on costs, on our customers and on the long term, not on a single quarter.
q2 an analyst at {bank} || The numbers were broadly in line with expectations. Investors will
  focus on what management says about next year.
q2 a senior analyst at {bank} || The company is in better shape than many of its peers, but
  margins remain under pressure.
c The company’s shares have been volatile this year amid uncertainty about consumer demand and
  borrowing costs.
c {org} was founded in the 1990s and has grown through a series of acquisitions into one of the
  biggest companies in its sector {country:in}.
o The company will publish its full-year results early next year.
r1 chief executive of {org}
r1 chief financial officer of {org}

== factory
t battery cell plant
t pharmaceutical plant
t railway carriage plant
t dairy plant
t timber processing mill
t farm machinery plant
h {org} opens {thing} {city:in}, creating {jobs} jobs
h {org} invests {invest} in new {thing} near {city}
h New {thing} with {jobs} jobs starts production {city:in}
l {org} opened a {thing} {city:in}, an investment of {invest} that will create about {jobs}
  jobs, the company said.
l A new {thing} built by {org} began production near {city} after {months} months of
  construction.
p1 The plant will employ about {jobs} people at full capacity, most of them hired locally. Around
  {local}% of components and raw materials are to come from suppliers in the region.
p1 Production lines were installed over the summer and have been tested for several weeks. The
  company plans to reach full capacity within two years.
p2 The investment of {invest} includes a training centre run together with a local technical
  college. Construction took {months} months.
p2 The regional authorities granted tax breaks and connected the site to roads, power and water
  under an agreement signed three years ago.
q This plant is a long-term bet on the region and on the people who live here.
q We chose this location because of the skills of the workforce and good transport links.
q2 the regional economy minister || Every new job in industry creates several more in services
  and construction.
q2 a student at the local technical college who joined the plant’s training programme || Until
  now most of my classmates planned to leave. Now there is a reason to stay.
c Manufacturing in the region has recovered in recent years after a long decline, helped by new
  investment in food processing, machinery and chemicals.
c Demand for the company’s products has grown steadily, and its existing sites had been running
  close to full capacity.
o The company said it was considering a second production line, which could be built within
  three years.
r1 chief executive of {org}
r1 managing director of the new plant

== harvest
t wheat
t barley
t sunflower seed
t rice
t soybean
t potato
h {country} {thing} harvest rises {pct}% to {tonnes} million tonnes
h Farmers around {city} bring in record {thing} crop as yields reach {yield} tonnes
h Good weather lifts {thing} harvest {country:in} by {pct}%
l Farmers {country:in} harvested {tonnes} million tonnes of {thing} this season, {pct}% more than a
  year earlier, according to preliminary agriculture ministry data.
l The {thing} harvest {country:in} has risen {pct}% to {tonnes} million tonnes, helped by mild
  weather and higher yields, officials said {city:in}.
p1 Average yields reached {yield:tonne|tonnes} per hectare, the ministry said. About {farms} farms
  took part in the survey on which the estimate is based.
p1 Rain in the spring and a dry, warm harvest season helped crops in most regions, although some
  areas suffered from late frosts.
p2 About {export}% of the crop is expected to be exported, mainly to markets in Asia and the
  Middle East. Traders said prices had eased as the size of the harvest became clear.
p2 Farmers have invested in new seed varieties and machinery in recent years, and storage
  capacity has grown, allowing them to hold crops until prices improve.
q This is the result of good weather and hard work, but also of years of investment.
q We expect a solid export season, though prices will depend on harvests elsewhere in the world.
q2 a farmer with fields near {city} || It was a good year, but fuel and fertiliser have become
  more expensive too, so margins are not what they look like.
q2 an agricultural analyst at {bank} || The crop is big enough to keep domestic prices stable and
  leave plenty for export.
c Agriculture accounts for a significant share of the economy and of export earnings, and the
  government subsidises crop insurance and loans for farm machinery.
c Last year’s harvest was hit by drought in several regions, which led the government to limit
  exports for several months.
o Final harvest figures are due to be published by the statistics office early next year.
r1 the deputy agriculture minister
r1 head of the national farmers’ union

== energy_plant
t wind farm
t solar power plant
t hydroelectric plant
t waste-to-energy plant
t gas-fired power plant
h {mw}-megawatt {thing} starts operating near {city}
h {org} switches on {thing} near {city}
h New {thing} to supply {homes} homes {country:in}
l A {mw}-megawatt {thing} built by {org} began supplying electricity to the grid near {city},
  enough to power about {homes} homes.
l {org} has started commercial operation of a {thing} near {city}, adding {mw} megawatts to the
  national grid.
p1 The plant will cover about {share}% of electricity demand in the region, according to the grid
  operator. It was built in {months} months.
p1 Engineers completed the final tests this month, and the plant is now delivering power under a
  long-term contract with the national grid operator.
p2 The project cost {cost}, financed by {org} with loans from a group of banks. About two hundred
  workers were employed during construction, and around forty permanent staff will run the plant.
p2 The company said the plant would reduce the region’s reliance on ageing coal and oil-fired
  units, some of them more than fifty years old.
q This plant will give the region reliable power for decades to come.
q We delivered the project on budget, and we are already looking at the next one.
q2 an energy analyst at a consultancy in {city} || New capacity is welcome, but the grid needs
  investment too if it is to carry the extra power.
q2 the mayor of a nearby town || The plant brought jobs and tax revenue, and people here are proud
  of it.
c Demand for electricity in the region has grown as new factories and data centres have opened,
  and the government has set targets to expand generating capacity.
c Energy prices have been volatile in recent years, prompting governments across the region to
  invest in domestic sources of power.
o {org} said it planned to add energy storage at the site within the next two years.
r1 chief executive of {org}
r1 the regional energy minister

== drills
t naval exercises
t air defence drills
t command and staff exercises
t coastal defence drills
t mountain warfare exercises
h {country} begins {days}-day {thing} involving {troops} troops
h Armed forces of {country} hold {days}-day {thing} near {city}
h {troops} troops take part in {thing} {country:in}
l The armed forces of {country} began {days}-day {thing} near {city} involving about {troops}
  troops, {vehicles} vehicles and {aircraft} aircraft, the defence ministry said.
l About {troops} troops are taking part in {thing} near {city}, the defence ministry of {country}
  said, describing them as routine.
p1 The {thing} involve {vehicles} pieces of military equipment and {aircraft} aircraft, the
  ministry said. Units will practise deploying at short notice and working with civilian
  emergency services.
p1 The programme includes night-time movements, live-fire training at designated ranges and
  practice in protecting critical infrastructure, according to the ministry.
p2 The ministry said foreign military attachés had been notified in advance, in line with
  international commitments, and that the exercises were not directed against any country.
p2 Residents were warned of heavier traffic on some roads and of noise from training ranges.
  Restrictions on shipping and flights were published for parts of the area.
q These exercises test our readiness to respond quickly to any situation.
q The main goal is to check how well different units work together under realistic conditions.
q2 a retired colonel and military analyst || Exercises of this size are mainly about logistics:
  moving people, fuel and equipment on time.
q2 a defence researcher at a university in {city} || The scale is typical for this time of year,
  but the focus on protecting infrastructure is new.
c The armed forces of {country} hold large exercises several times a year, and the defence
  ministry has been investing in new equipment and training.
c Military activity in the region has increased in recent years, and several countries have
  expanded the scale of their training.
o The ministry said it would publish a summary of the results once the exercises are over.
r1 a spokesperson for the defence ministry
r1 commander of the exercises

== warship
t frigate
t patrol ship
t icebreaker
t minesweeper
t corvette
t hydrographic survey ship
h Navy of {country} commissions new {thing} {warship}
h New {thing} {warship} enters service {city:in}
h Navy of {country} receives {thing} after {years}-year build
l A new {thing}, the {warship}, entered service with the navy of {country} at a ceremony
  {city:in}.
l The navy of {country} has commissioned the {warship}, a {length}-metre {thing} built over
  {years} years at a local shipyard.
p1 The {thing} is {length} metres long, displaces about {tonnes} tonnes and has a crew of {crew}.
  It has a top speed of {knots} knots.
p1 The ship was laid down {years} years ago and completed sea trials earlier this year, the navy
  said.
p2 The {warship} will be based {city:in} and will operate in coastal and offshore waters,
  including on search and rescue missions.
p2 At the ceremony the naval ensign was raised over the ship for the first time. Officials said
  the shipyard had faced delays in deliveries of some equipment but had made up most of the
  lost time.
q This ship is the result of years of work by engineers and shipbuilders, and it gives the
  fleet new capabilities.
q The crew has trained for months and is ready to take the ship to sea.
q2 director of the shipyard || Every ship we build is better than the one before. We have learned
  a great deal on this project.
q2 a naval historian || The fleet needed this renewal: many of the ships it replaces were built
  decades ago.
c The navy has been renewing its fleet, replacing ships built decades ago with smaller, more
  versatile vessels.
c Shipbuilding is one of the main employers in the city, and the yard has orders for several
  more vessels.
o A sister ship is under construction and is due to be handed over in two years.
r1 commander of the {thing}
r1 commander of the navy of {country}

== arms_talks
t advance notification of missile tests
t preventing incidents at sea
t cooperation on demining
t limits on military activity near the border
t a hotline between defence ministries
h {country} and {country2} hold talks on {thing} {city:in}
h Military delegations of {country} and {country2} meet in {city} on {thing}
h {country} and {country2} end talks on {thing} {city:in}
l Delegations from {country} and {country2} held {days:day|days} of talks {city:in} on {thing},
  their latest round of consultations on security issues.
l Military and diplomatic officials from {country} and {country2} met {city:in} to discuss
  {thing}, according to statements from both sides.
p1 The talks lasted {days:day|days} and involved about {experts} experts from the defence and
  foreign ministries of the two countries.
p1 The delegations were led by {p1}, {role1}, and {p2}, {role2}.
p2 The two sides agreed to keep working on a draft document and to meet again. Officials
  declined to give details of the discussions, citing the sensitivity of the issues.
p2 Both sides described the talks as businesslike and said they had narrowed their differences
  on several technical points.
q Dialogue is always better than silence, especially on questions of security.
q We made progress, but there is still a long way to go before any agreement.
q2 a senior foreign ministry official from {country2} || We want clear rules that reduce the
  risk of accidents and misunderstandings.
q2 a senior foreign ministry official from {country2} || Our experts will keep working on the
  text before the next round.
c Several rounds of security consultations have been held {city:in} in recent years, as the city
  has offered a neutral venue for such talks.
c Experts say regular contacts between militaries help to prevent incidents from escalating,
  especially at times of tension.
o The next round is expected to take place in the coming months.
r1 a deputy defence minister of {country}
"""
