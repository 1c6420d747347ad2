"""English copy: science and technology (format: see generator.parse)."""

TEXT = """
== vessel
t the Arctic Ocean
t the Barents Sea
t the Kara Sea
t the Laptev Sea
t the Greenland Sea
h Research vessel {ship} returns to {city} after {days} days in {thing}
h Scientists return from {thing} with {samples} samples
h {ship} completes {days}-day expedition to {thing}
l The research vessel {ship} returned to {city} after {days} days in {thing}, bringing back
  {samples} samples of water, sediment and ice for analysis.
l A team of {scientists} scientists from the {inst} has returned to {city} from a {days}-day
  expedition to {thing} aboard the research vessel {ship}.
p1 During the voyage, which covered about {miles} nautical miles, researchers worked at {stations}
  sampling stations and lowered instruments to depths of up to {depth} metres.
p1 The expedition, organised by the {inst}, studied ocean currents, the state of the sea ice and
  the distribution of plankton and fish larvae.
p2 The {scientists} scientists on board included oceanographers, biologists, geologists and
  climate researchers, several of them doctoral students on their first voyage.
p2 The team recorded water temperatures noticeably higher than in measurements taken in the same
  area a decade ago, according to preliminary data.
q The ice we saw this year was thinner and broke up earlier than we expected.
q Each sample is a small piece of a large puzzle about how the northern seas are changing.
q2 a marine biologist on the expedition || We found plankton species much further north than
  they used to live.
q2 a doctoral student from the {inst} || Working on deck in a storm at three in the morning
  teaches you a lot about science.
c The Arctic is warming several times faster than the global average, and scientists are trying
  to understand how the loss of sea ice affects ecosystems and weather further south.
c The vessel, built in the 1980s and modernised several times, is one of the few research ships
  in the region able to work in ice.
o Results of the analysis are expected to be published next year, and the next expedition is
  planned for the summer.
r1 head of the expedition
r1 chief scientist of the expedition

== dig
t medieval settlement
t Bronze Age burial mound
t hoard of silver coins
t wooden road
t potters’ workshop
t merchant’s house
h Archaeologists find {thing} near {city}
h {age}-year-old {thing} uncovered near {city}
h Dig near {city} reveals {thing} with {items} finds
l Archaeologists from the {inst} have uncovered a {thing} near {city} that they estimate to be
  about {age} years old.
l A {thing} dating back about {age} years has been found during excavations near {city}, the
  {inst} said.
p1 The excavation covers about {area} square metres. So far the team has recorded {items} finds,
  including pottery fragments, tools and ornaments, some of them at a depth of {depth} metres.
p1 The site was discovered during a survey ahead of road construction, and a team of {students}
  students and researchers has been working there for {weeks} weeks.
p2 Researchers say the finds will help to date the site more precisely and shed light on trade
  routes that connected the region with distant lands.
p2 Samples of wood and bone have been sent for radiocarbon dating, and the metal objects are
  being cleaned and conserved in the institute’s laboratory.
q The state of preservation is remarkable. Some objects look as if they were lost yesterday.
q This find fills a gap in our understanding of how people lived here in that period.
q2 director of the city museum || We hope to show the most interesting finds to the public as
  early as next year.
q2 a student volunteer on the dig || You spend weeks with a brush and a trowel, and then one day
  the ground gives you something like this.
c The area around {city} has a long history of settlement, but systematic excavations have been
  rare, and many sites have been damaged by construction and farming.
c Archaeologists have found several important sites in the region over the past decade, many of
  them during the construction of new roads and pipelines.
o Excavations will resume next season, and the team hopes to extend the area of the dig.
r1 head of the expedition from the {inst}
r1 a senior researcher at the {inst}

== cubesat
t small satellite to monitor forest fires
t weather microsatellite
t satellite to study the upper atmosphere
t satellite to test laser communications
h {city} students’ {thing} reaches orbit
h {kg}-kg satellite built {city:in} sends first signals from orbit
h {kg}-kg {thing} from {city} makes first contact
l A {kg}-kilogram {thing} built by students and engineers at the {inst} in {city} has reached
  orbit and sent its first signals, the institute said.
l Engineers at the {inst} in {city} made first contact with their {thing} after it was placed in
  orbit at an altitude of about {altitude} kilometres.
p1 The satellite weighs {kg} kilograms and circles the Earth at an altitude of about {altitude}
  kilometres. It was launched as a secondary payload alongside several other small spacecraft.
p1 The institute’s ground station receives data from the satellite {passes} times a day, when it
  passes over the region.
p2 About {students} students took part in designing, assembling and testing the spacecraft over
  several years. The project cost {cost}, covered by a government grant and industrial partners.
p2 The satellite is expected to operate for {months} months. Its data will be made available to
  other universities and research groups free of charge.
q The first signal from orbit is a moment none of us will forget.
q Students learn more from one real space project than from years of lectures.
q2 a student who worked on the satellite’s power system || I wrote part of the software that is
  now running in space. It is hard to believe.
q2 an engineer at a regional space company || Small satellites like this one are becoming a
  serious tool, not only a teaching project.
c Universities around the world have been building small satellites as launch costs have fallen
  and components have become cheaper.
c The institute has been training space engineers since the 1960s, and many of its graduates
  have gone on to work in the space industry.
o The team is already working on a second satellite, which it hopes to launch within two years.
r1 head of the project at the {inst}
r1 director of the {inst}

== study
t green roofs cut the cooling needs of office buildings by {pct}% in summer
t ice on the region’s lakes now forms {days} days later than in the 1980s
t city noise is pushing songbirds to sing at a higher pitch
t a glacier in the region has lost {pct}% of its area since 1990
h {city} study finds {thing}
h Researchers {city:in} say {thing}
h {thing}, scientists at the {inst} in {city} report
l Researchers at the {inst} in {city} have found that {thing}, according to a study published in
  a peer-reviewed journal.
l {thing}, a team of {authors} scientists led by the {inst} in {city} has reported.
p1 The researchers analysed data from {sites} sites collected over {years} years, combining field
  measurements with satellite observations and computer modelling.
p1 The study, which has {authors} authors from several institutions, is based on {years} years
  of observations at {sites} locations across the region.
p2 The authors say the findings should be taken into account by planners and regional
  authorities when they design new districts and adapt to a changing climate.
p2 The team cautioned that more work was needed to understand the causes of the effect and
  whether it holds in other regions.
q The data are clear, and they point to changes that are happening faster than many people
  assume.
q We were surprised by how consistent the pattern was across all the sites we studied.
q2 a scientist who was not involved in the study || It is a careful piece of work, and it adds
  to a growing body of evidence.
q2 an ecologist at another research institute || The next question is what we can do with this
  knowledge in practice.
c Scientists have been documenting how a warming climate and rapid urban growth are changing
  ecosystems and living conditions in the region.
c Long-term observations of this kind are rare, because they require funding and dedicated staff
  over many years.
o The team plans to extend the study to other cities and to publish its data for other
  researchers.
r1 lead author of the study
r1 a researcher at the {inst}

== product
t open-source language model|an open-source language model
t chip for AI devices|a chip for AI devices
t warehouse robot|a warehouse robot
t speech recognition system for call centres|a speech recognition system for call centres
t satellite internet terminal|a satellite internet terminal
h {org} unveils {thing:1}, promising {pct}% cost cuts
h {city} start-up {org} launches {thing:1}
h {org} bets on {thing:1} after raising {funding}
l {org}, a technology company based {city:in}, unveiled its new {thing}, which it says can cut
  costs for businesses by up to {pct}%.
l {org} of {city} has launched its new {thing} after {months} months of development and trials
  with {clients} corporate customers.
p1 The company said the product had been developed in-house by a team of about {staff} engineers
  and tested with {clients:customer|customers} in logistics, retail and manufacturing.
p1 According to {org}, early customers were able to cut costs by up to {pct}% in pilot projects.
  The company plans to sell the product at home and abroad.
p2 The company has raised {funding} from investors since it was founded and employs about {staff}
  people. It said it would use its latest funding to expand sales.
p2 Analysts said the market for such products was growing quickly but was crowded, with larger
  companies offering competing systems.
q We built this product to solve real problems that our customers face every day.
q Our goal is to make this technology affordable for small and medium-sized businesses.
q2 an analyst at {bank} || The technology looks promising, but the company will need to show it
  can scale.
q2 head of IT at one of the pilot customers || It took some time to adjust, but the system now
  handles tasks that used to take us hours.
c The local technology sector has grown quickly in recent years, supported by universities and
  government programmes for start-ups.
c Demand for automation has grown as companies struggle to hire staff and look for ways to cut
  costs.
o The company plans to release an updated version next year and is in talks with potential
  partners abroad.
r1 chief executive and co-founder of {org}
r1 chief technology officer of {org}

== outage
t online ticketing system for public transport
t appointment booking service of the city clinics
t billing system of the water utility
t regional public services portal
t card payment system of a large supermarket chain
h {thing} {city:in} restored after {hours}-hour outage
h Outage knocks out {thing} {city:in} for {hours:hour|hours}
h {city} investigates failure of {thing} that hit {users} users
l The {thing} {city:in} was back online after an outage of about {hours:hour|hours} that
  affected some {users} users, officials said.
l An outage knocked out the {thing} {city:in} for {hours:hour|hours}, causing queues and
  disruption for thousands of residents.
p1 The city said the failure was caused by a faulty software update installed overnight, and that
  there was no evidence personal data had been compromised.
p1 Officials said the system had been hit by what they described as a cyberattack that overloaded
  its servers with traffic. They said no personal data had been stolen.
p2 About {staff} specialists worked to restore the service. Residents were advised to use backup
  options, and paper forms were accepted at service centres in the meantime.
p2 The outage affected about {users} users. Officials said any penalties or late fees incurred
  during the disruption would be waived.
q We apologise to residents for the inconvenience and will make sure it does not happen again.
q The system is working normally, and we are analysing every step of what went wrong.
q2 a cybersecurity consultant {city:in} || Public systems need the same level of protection as
  banks, and too often they do not have it.
q2 a resident who spent the morning in a queue || Everything is online now, so when it stops
  working, life stops too.
c Cities in the region have moved many public services online in recent years, and several have
  suffered outages as demand outpaced investment.
c The authorities have been tightening rules on the security of critical systems after a number
  of incidents in other regions.
o An independent audit will examine the incident, and its findings are to be published within
  {days} days.
r1 head of the city’s digital services department
r1 deputy mayor for digital development

== driverless
t driverless buses
t delivery robots
t driverless trams
t medical delivery drones
t robotaxis
h {city} expands trial of {thing} after {trips} trips
h {vehicles} {thing} start service {city:in}
h {org} to expand {thing} trial {city:in}
l {org} began operating {vehicles} {thing} {city:in} under a pilot programme approved by the
  city, covering a route of {km} kilometres.
l {thing} operated by {org} {city:in} have completed {trips} trips in a {months}-month trial, the
  company said.
p1 The vehicles operate on a {km}-kilometre route and are monitored remotely from a control
  centre. During the trial, safety operators are on hand to take over if needed.
p1 The trial, which began {months} months ago, has so far recorded
  {incidents:minor incident|minor incidents}, none of which caused injuries, according to the
  city’s transport department.
p2 The company said the vehicles completed {pct}% of journeys without any intervention by human
  operators, and that it planned to reduce the number of safety staff gradually.
p2 {org} has invested in sensors, mapping and software for several years and says its vehicles
  can operate in rain and snow.
q Autonomous transport is no longer an experiment but a service that residents use every day.
q We are moving step by step, with safety as the main priority.
q2 a pensioner who uses the service regularly || At first it felt strange without a driver, but
  now I do not even think about it.
q2 a transport researcher at a local university || The technology is improving fast, but the
  rules on liability are still not clear.
c Cities around the world are testing autonomous vehicles, but regulators have been cautious
  about allowing them on public roads without supervision.
c The city has set aside several districts as test zones for new transport technologies, giving
  companies access to streets and data.
o The city plans to decide next year whether to extend the programme to other districts.
r1 chief executive of {org}
r1 head of the city’s transport department
"""
