"""English copy: phrasing shared by every story, and stories from cities and regions."""

TEXT = """
== *
qa “{qc}” {p}, {role}, said.
qa “{qc}” said {p}, {role}.
qa “{qc}” {p}, {role}, told reporters.
qa {p}, {role}, said: “{q}”
qb In a statement, {p}, {role}, said:
qb {p}, {role}, told reporters:
nx What comes next
nx Next steps
nx What happens now
cl More details are expected to follow.
cl This story has been updated with additional details.

== rail_line
t metro line
t tram line
t suburban rail link
t light-rail line
h {org} opens {km}-km {thing} {city:in}
h New {thing} cuts {city} commute to {minutes} minutes
h {city} opens {thing} with {stations} stations after {years}-year build
h First passengers ride new {km}-km {thing} {city:in}
l A {km}-kilometre {thing} with {stations:station|stations} opened {city:in}, cutting the trip
  from the outskirts to the centre to {minutes} minutes.
l Operator {org} began carrying passengers on a new {thing} {city:in}, the largest addition to
  the local network in more than a decade.
p1 The {thing} runs for {km} kilometres and serves {stations:station|stations}, linking
  fast-growing residential districts with the city centre. Until now the same trip took about
  {old_minutes} minutes by bus.
p1 Services will run every {interval} minutes at peak hours, according to {org}, which will
  operate the route under a {contract}-year contract with the local authorities.
p2 Construction took {years} years and cost {cost}, slightly more than first budgeted. The
  operator expects about {riders} passengers a day in the first year of service.
p2 The project cost {cost}. Planners forecast {riders} journeys a day once an interchange with
  the main railway station is completed.
q This line changes the map of the city for hundreds of thousands of people.
q We have tested every signal and every door for months, and we are ready for the first rush hour.
q2 a resident of one of the new districts on the route || For my family it means an extra hour at
  home every day.
q2 an urban transport researcher || The real test will be whether the trains keep to the
  timetable in the first winter.
c The route was first proposed more than fifteen years ago but stalled repeatedly over funding
  and disputes about land along the corridor.
c Local authorities have been trying to ease congestion on the main roads into the city, where
  traffic jams regularly stretch for kilometres during the morning rush.
o A second stage with {stations2:station|stations} is planned, and tenders for it are due to be
  announced next year.
o Fares will be integrated with buses from next month, and a discount for students is under
  discussion.
r1 head of passenger services at {org}
r1 the deputy mayor responsible for transport

== bridge
t bridge
t road tunnel
t section of the ring road
t overpass
h {length}-metre {thing} opens to traffic {city:in}
h {city} opens {thing}, cutting cross-town journeys by {minutes} minutes
h New {lanes}-lane {thing} opens {city:in} after {years} years of work
l A new {thing} stretching {length} metres opened to traffic {city:in}, a project officials say
  will take pressure off the city’s busiest junctions.
l Traffic began moving on a new {lanes}-lane {thing} {city:in}, completing a project that
  employed {workers} workers over {years} years.
p1 The {thing} carries {lanes} lanes of traffic over {length} metres and is designed for about
  {vehicles} vehicles a day. Drivers crossing the city should save up to {minutes} minutes at
  peak hours, according to the roads department.
p1 Engineers say the {thing} will divert about {vehicles} vehicles a day away from the historic
  centre, where the narrow streets were never built for heavy traffic.
p2 The project cost {cost} and was financed from the regional budget with a loan from a state
  development bank. At the height of construction {workers} workers were on site.
p2 Construction took {years} years and cost {cost}. Work was briefly suspended last winter after
  groundwater flooded part of the site.
q We have given the city a route it has needed for decades.
q Every joint and every bearing has been tested under load, and the structure is ready for
  decades of service.
q2 a taxi driver who crosses the city several times a day || Until now I lost almost an hour in
  jams on this stretch every evening.
q2 a local transport analyst || New roads tend to fill up quickly, so the city still needs
  better public transport.
c Traffic in the city has grown by almost a third over the past ten years as car ownership rose
  and new housing districts spread along the outskirts.
c The plan for the crossing dates back to the 1980s, when it was drawn up by the city’s
  planning institute and then shelved for lack of money.
o Bus routes will be adjusted to use the new {thing} from next month, and a cycle path
  alongside it is due to open in the spring.
o Officials said the next phase of the project, a link to the airport highway, would go to
  tender later this year.
r1 head of the city’s roads department
r1 the regional minister for construction

== weather
t heavy snow|heavy snow
t flooding|flooding
t heatwave|a heatwave
t storm|a storm
t freezing rain|freezing rain
h {thing} leaves {homes} homes without power {city:in}
h {thing} disrupts {flights} flights and traffic {city:in}
h {schools} schools close {city:in} as {thing:1} grips the region
l About {homes} homes were left without electricity and {flights} flights were cancelled or
  delayed as {thing:1} hit {city} and the surrounding region.
l Emergency services {city:in} were placed on high alert after {thing:1} disrupted transport
  and power supplies across the region.
p1 Crews worked through the night to repair power lines damaged by the {thing}. By morning,
  electricity had been restored to most districts, the regional utility said, but some villages
  could remain cut off for up to {hours} hours.
p1 The local airport cancelled or delayed {flights:flight|flights}, and police urged drivers to
  stay off the roads except in emergencies. Public transport ran with long delays.
p2 More than {crews} repair and rescue crews were deployed, and {schools:school|schools} kept
  pupils at home. Forecasters said conditions were the most severe for the time of year in
  {years} years.
p2 Officials said {crews:crew|crews} were working in the worst-hit districts. No deaths were
  reported, though several people were treated in hospital for minor injuries.
q Our priority is to reach every household that is still without heat or light.
q The network withstood most of the load, but some lines simply could not take it.
q2 a meteorologist at the regional weather service || Events of this strength used to happen
  once in a generation. Now we see them every few years.
q2 a shop owner in the city centre || We lost a day of trade, but people helped each other, and
  that matters more.
c Weather services had issued warnings two days in advance, and the authorities said emergency
  stocks of fuel and generators had been prepared beforehand.
c The region has seen a series of unusual weather events this year, which scientists link to a
  warming climate and shifting patterns of air circulation.
o Forecasters expect conditions to ease within {hours:hour|hours}, though they warned of further
  disruption on the roads.
r1 head of the regional emergencies department
r1 the city’s deputy mayor for utilities

== city_plan
t riverfront
t former industrial zone
t central park
t historic centre
t old port district
h {city} approves {budget} plan to rebuild its {thing}
h {city} council backs overhaul of {thing} with {trees} new trees
h {city} to turn its {thing} into public space in {years}-year project
l The city council {city:in} approved a {budget} plan to redevelop the {thing}, promising new
  public spaces, housing and about {trees} new trees over the next {years} years.
l Councillors {city:in} backed a plan to overhaul the city’s {thing} by {votes} votes out of
  {total}, after months of public debate.
p1 The plan covers {hectares} hectares and includes pedestrian streets, cycle lanes, playgrounds
  and about {homes} new homes. Around {trees} trees are to be planted, most of them native species.
p1 Under the scheme, car parks and warehouses will give way to a chain of squares and gardens,
  with {homes} homes built around the edges.
p2 The budget of {budget} will come from the city, private developers and a regional urban
  renewal fund. Work is due to begin next year and take about {years} years.
p2 The council held {hearings} public hearings before the vote, and the final design was changed
  to keep several old buildings that residents wanted preserved.
q For the first time in decades, this part of the city will belong to the people who live here.
q We listened to residents and changed the plan in many places. That is why it passed.
q2 a member of a local residents’ association || We welcome the parks, but we will be watching
  closely how many of the new homes people can actually afford.
q2 an architect who advised the council || The design keeps the memory of the place while
  opening it up to everyone.
c Previous attempts to redevelop the area stalled over funding and disagreements between city
  departments and property owners.
c Cities across the region are competing to attract young families and skilled workers, and many
  are investing in parks and walkable streets.
o The first construction tenders are expected within months, and residents will be able to
  follow the project on an online map.
r1 the city’s chief architect
r1 the mayor of {city}

== local_vote
h {p1} wins {city} mayoral election with {pct1}%
h {city} elects {p1} as mayor on {turnout}% turnout
h Voters {city:in} choose {p1} as new mayor
l {p1} won the mayoral election {city:in} with {pct1}% of the vote, according to preliminary
  results published by the local election commission.
l Voters {city:in} elected {p1}, {role1}, as their new mayor in a contest that drew a turnout of
  {turnout}%.
p1 With almost all ballots counted, {p1:last} was well ahead of {p2}, {role2}, who received
  {pct2}%. Turnout was {turnout}%, the commission said.
p1 Preliminary results showed {p1:last} taking {pct1}% against {pct2}% for {p2}, {role2}.
p2 {candidates} candidates stood in the election. Observers from civic groups reported no serious
  violations, although several polling stations opened late because of staff shortages.
p2 The campaign focused on housing costs, public transport and the state of the city’s roads.
  {p1:last} promised to publish the city budget online in full and to hold open meetings with
  residents every month.
q People voted for a city that works, and I intend to deliver exactly that.
q This is not my victory, it is a victory for every neighbourhood that wanted change.
q2 the outgoing deputy mayor || I congratulate my opponent and will keep working for the city
  from the council benches.
q2 a local entrepreneur who ran as an independent || We did not win this time, but the questions
  we raised will not go away.
c The previous mayor did not seek re-election after two terms in office.
c Municipal elections have drawn growing attention as cities take on more responsibility for
  transport, housing and schools.
o The new mayor is due to take office within a month, once the results are certified.
r1 a former school headteacher
r1 a two-term city councillor

== diplomacy
t ease visa rules for each other’s citizens|easing visa rules
t resume direct flights|resuming direct flights
t set up a joint commission on water resources|a joint commission on water resources
t expand student exchanges|expanding student exchanges
t start work on a new customs agreement|a new customs agreement
h {country} and {country2} agree to {thing}
h Foreign ministers of {country} and {country2} meet {city:in}, agree to {thing}
h Talks between {country} and {country2} {city:in} focus on {thing:1}
l The foreign ministers of {country} and {country2} agreed to {thing} after {hours} hours of
  talks {city:in}, their first meeting of this kind in {years} years.
l {country} and {country2} will {thing}, their foreign ministers said after meeting {city:in}.
p1 {p1}, {role1}, hosted {p2}, the foreign minister of {country2}, for {hours} hours of talks. In
  a joint statement, the two sides said they had agreed to {thing} and would instruct officials
  to prepare the details.
p1 The ministers discussed {thing:1}, trade and regional security, according to statements
  released after the meeting. Officials described the atmosphere as constructive.
p2 Trade between the two countries reached {trade} last year, and both sides said they wanted to
  raise it further. Expert groups are expected to meet within weeks to draft the agreements.
p2 The meeting was the first between the two foreign ministers in {years} years. The delegations
  also discussed cultural exchanges and cooperation between universities.
q We have agreed on practical steps that people in both countries will notice.
q Our relations are built on respect and mutual benefit, and today we took another step forward.
q2 the foreign minister of {country2} || We came here to find solutions, and I believe we have
  found several.
q2 the foreign minister of {country2} || There is still work to do, but the direction is clear.
c Relations between {country} and {country2} have developed steadily in recent years, with
  growing trade in energy, food and machinery.
c Diplomats said preparations for the visit had taken several months and included {rounds}
  rounds of consultations at expert level.
o A follow-up meeting is planned for next year {country2:in}.
r1 the foreign minister of {country}
r1 the minister of foreign affairs of {country}

== hospital
t city hospital
t children’s hospital
t cardiac centre
t cancer treatment centre
t maternity centre
h New {beds}-bed {thing} opens {city:in}
h {city} opens {thing} built for {cost}
h New {thing} {city:in} admits first patients after {months}-month build
l A {beds}-bed {thing} opened {city:in}, with {doctors} doctors and diagnostic equipment that
  until now patients had to travel to other cities to use.
l The new {thing} {city:in} admitted its first patients after {months} months of construction
  that cost {cost}.
p1 The {thing} has {beds} beds, {doctors:doctor|doctors} and its own diagnostic unit with
  scanners and laboratories. It expects to treat about {patients} patients a year.
p1 Staff began moving equipment into the building last month, and the first operations are
  scheduled for the coming weeks, hospital officials said.
p2 Construction took {months} months and cost {cost}, shared by the national and regional
  authorities. Around a third of the medical staff were recruited from other regions with help
  for housing.
p2 The building replaces several older clinics, some of which dated back to the 1960s. The
  hospital will also run a training programme for young doctors.
q Patients will no longer need to travel hundreds of kilometres for treatment they can now get
  at home.
q We designed the building around patients and staff, not the other way round.
q2 a nurse who has worked in the city for twenty years || The difference from the old wards is
  enormous. We finally have room to work.
q2 a health policy researcher || New buildings matter, but the real challenge is keeping enough
  doctors in the region.
c Access to specialist care outside the biggest cities has been a long-standing problem, and
  waiting times for some procedures stretched to several months.
c The region’s population has been ageing, and demand for specialist care has grown steadily
  over the past decade.
o An outpatient wing and a helicopter landing pad are due to be completed next year.
r1 the chief physician of the new {thing}
r1 the regional health minister
"""
