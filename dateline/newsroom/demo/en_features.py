"""English copy: sport and culture (format: see generator.parse)."""

TEXT = """
== league_match
t football
t ice hockey
h {club1} beat {club2} {score}
h {p1} scores {goals} as {club1} beat {club2}
h {club1} win {score} against {club2} in {thing} league
l {club1} beat {club2} {score} at home in round {round} of the national {thing} league, with
  {p1} scoring {goals} goals.
l {p1} scored {goals} goals to lead {club1} to a {score} win over {club2} in front of {crowd}
  spectators.
p1 The hosts took control early and never let the visitors settle. {p1:last}, {role1}, was named
  player of the match.
p1 In front of a crowd of {crowd}, {club1:short} pressed from the start and kept up the tempo
  until the end. {p1:last} was named player of the match.
p2 The win takes {club1:short} to {points} points, within reach of the top places in the table.
p2 {club2} remain in the middle of the table after a run of mixed results.
q The team played with character today, and the fans gave us extra energy.
q We followed the plan, stayed patient and took our chances.
q2 head coach of {club2:short} || We made too many mistakes, and at this level you get punished
  for them.
q2 head coach of {club2:short} || It was not our day, but the season is long and we will come
  back stronger.
c {club1:short} have won most of their recent home games and have one of the strongest attacks
  in the league this season.
c The two clubs have a long rivalry, and their meetings usually draw big crowds.
o {club1:short} play their next match away from home next weekend.
r1 forward for {club1:short}
r1 captain of {club1:short}

== chess
h {p1} wins {city} chess tournament with {points} points
h {p1} takes chess title {city:in} ahead of {p2}
h {p1} wins open chess tournament {city:in}
l {p1} won the international chess tournament {city:in} with {points} points out of {rounds},
  finishing ahead of {p2}.
l {p1}, {role1}, took first place at the open chess tournament {city:in}, which brought together
  {players} players.
p1 {p1:last} scored {points:point|points} from {rounds} rounds. {p2} finished second with
  {second:point|points}.
p1 The decisive game came in the penultimate round, when {p1:last} won a long endgame with the
  black pieces.
p2 The tournament brought together {players} players from several countries, including a number
  of grandmasters. {p1:last} is rated {rating}.
p2 Organisers said interest in the event had grown this year, with games broadcast online with
  commentary in several languages.
q I was lucky in a couple of games, but I also played some of my best chess.
q It was a very hard tournament, and I am happy that I kept my nerve at the end.
q2 the runner-up || I am disappointed with the last round, but overall it was a good event for me.
q2 the runner-up, who was unbeaten in the tournament || Too many draws. Next time I will take
  more risks.
c Chess has enjoyed a revival in recent years, with online platforms and broadcasts drawing new
  players and audiences.
c {city} has hosted the tournament for several years, and it has become one of the more popular
  open events on the calendar.
o {p1:last} will next play in a team competition later this season.
r1 a grandmaster
r1 an international master

== marathon
h {p1} wins {city} marathon in {time}
h {p1} takes {city} marathon title as {runners} runners compete
h {city} marathon: {p1} wins in {time}
l {p1} won the {city} marathon in {time}, finishing {margin} seconds ahead of {p2} in a race that
  drew {runners} runners.
l {p1} broke away at the {km}-kilometre mark to win the {city} marathon in {time}.
p1 {p1:last} ran with the leading group for most of the race before making a decisive move at the
  {km}-kilometre mark. {p2} finished second, {margin:second|seconds} behind.
p1 Conditions were good, with a cool morning and little wind. {p1:last} crossed the line in
  {time}, {margin:second|seconds} ahead of {p2}.
p2 A record {runners} runners took part in the marathon and the shorter races held alongside it,
  the organisers said. Thousands of spectators lined the course.
p2 The route passes many of the city’s landmarks, and several roads were closed to traffic for
  most of the day.
q I felt strong in the second half and decided to go for it.
q The crowd was incredible. I could hear them all the way to the finish.
q2 the runner-up || I gave everything, but today the winner was stronger.
q2 the runner-up || I am happy with my time. It was a good step before the next season.
c The marathon has been held {city:in} for {years} years and has grown into one of the biggest
  mass sporting events in the region.
c The course is considered relatively fast, and the organisers have invested in timing and
  medical support in recent years.
o The organisers said registration for next year’s race would open in the coming weeks.
r1 a professional runner
r1 a two-time national champion

== tennis
h {p1} beats {p2} to win {city} title
h {p1} wins tennis tournament {city:in}
h {p1} claims {city} title with {score} win
l {p1} won the tennis tournament {city:in}, beating {p2} {score} in the final.
l {p1} beat {p2} {score} in a final lasting {hours:hour|hours} {minutes:minute|minutes} to take
  the title {city:in}.
p1 {p1:last} served {aces} aces and saved several break points at decisive moments of the match,
  which lasted {hours:hour|hours} {minutes:minute|minutes}.
p1 The final was tight from the start, but {p1:last} was more consistent in the long rallies and
  made fewer unforced errors.
p2 The win is expected to lift {p1:last}, currently number {rank} in the world rankings.
p2 Organisers said the tournament had drawn record crowds this year, and the final was played in
  front of a full centre court.
q It means a lot to win here. I worked very hard for this moment.
q I tried to stay calm and play my game, and it worked.
q2 the runner-up || I had my chances but did not take them. Congratulations to my opponent.
q2 the runner-up || It was a great week for me, and I will take a lot from it.
c The tournament has been held {city:in} since the 1990s and attracts players from across the
  region.
c The event is one of several tournaments in the region that give rising players a chance to
  earn ranking points.
o {p1:last} will next play at a tournament abroad later this month.
r1 the tournament’s top seed
r1 a former junior champion

== film_fest
h {title} by {p1} wins top prize at {city} film festival
h {p1}’s {title} takes main award {city:in}
h {city} film festival ends after {days} days with win for {title}
l {title}, directed by {p1}, won the main prize at the {edition} international film festival
  {city:in}, which closed after {days} days of screenings.
l The jury of the film festival {city:in} gave its top prize to {title}, a {minutes}-minute drama
  by {p1}.
p1 The film, a {minutes}-minute drama about a family in a small coastal town, was one of {films}
  films in the main competition, selected from about {entries} entries.
p1 The film follows three generations of a family over a single summer, and critics praised its
  restrained performances and long, quiet takes.
p2 The festival screened {films} films in the main competition this year, along with
  documentaries, shorts and a programme of restored classics.
p2 The jury also gave awards for best actress, best actor and best screenplay, as well as a
  special prize for a debut feature.
q I made this film with a small team and very little money, so this award means everything to us.
q This is a film about people who stay when everyone else leaves. I am glad the jury saw that.
q2 president of the festival jury || It was a difficult choice, but this film stayed with all of
  us long after the screening.
q2 the festival’s artistic director || The competition this year was the strongest we have had.
c The festival was founded to showcase new cinema from the region and has grown into an
  important meeting place for young directors.
c This year’s festival sold a record number of tickets, and many screenings were followed by
  discussions with the filmmakers.
o The film is due to be released in cinemas next year.
r1 a first-time director
r1 a director and screenwriter

== exhibition
t the sea
t railways
t childhood
t winter
t the city’s industrial past
t rivers and bridges
h Museum {city:in} opens exhibition {title} with {works} works
h {works} works go on show {city:in} in exhibition about {thing}
h Exhibition of {works} works {city:in} explores {thing}
l An exhibition titled {title}, bringing together {works} works on the theme of {thing}, has
  opened at the museum of fine arts {city:in}.
l The museum of fine arts {city:in} has opened {title}, a major exhibition devoted to {thing}.
p1 The exhibition includes paintings, drawings, photographs and objects from {lenders} museums
  and private collections, some of which have never been shown to the public.
p1 The curators spent two years selecting the {works} works, which range from
  nineteenth-century paintings to contemporary video installations.
p2 The exhibition will run for {months:month|months}, and the museum expects about {visitors}
  visitors.
p2 Tickets for the opening weekend sold out in advance, and the museum has extended its opening
  hours to meet demand.
q We wanted to show how artists over two centuries have looked at the same subject in very
  different ways.
q Many of these works are travelling for the first time, and we are grateful to the lenders for
  their trust.
q2 director of the museum || Exhibitions like this bring people back to the museum again and
  again.
q2 an art critic || It is one of the most ambitious shows the city has seen in years.
c The museum has been expanding its exhibition programme since the renovation of its main
  building, and visitor numbers have grown.
c Major exhibitions have become an important draw for tourism in the region, with visitors
  travelling from other cities to see them.
o A catalogue and a series of lectures will accompany the exhibition.
r1 curator of the exhibition
r1 the museum’s chief curator

== premiere
h {city} opera stages new {opera} directed by {p1}
h New production of {opera} with {performers} performers premieres {city:in}
h Audience gives {minutes}-minute ovation to {opera} {city:in}
l The opera house {city:in} presented a new production of {opera}, directed by {p1}, to a
  sold-out audience.
l A new staging of {opera} by {p1} opened at the opera house {city:in}, drawing a
  {minutes}-minute standing ovation.
p1 The production involves {performers} singers, musicians and dancers and took
  {months:month|months} to prepare. It is the first new staging of the opera in the city since
  {year}.
p1 {p1:last} moved the action to the middle of the twentieth century, with sets inspired by the
  architecture of the city’s old districts.
p2 The production will be performed {shows} times this season, and the theatre plans to stream
  one performance online.
p2 Critics praised the orchestra and the lead singers, although some were divided over the
  modern setting.
q I wanted to tell a familiar story as if the audience were hearing it for the first time.
q The music is the heart of everything. We built the production around it.
q2 one of the lead singers || Singing this music in a new production is both a challenge and a
  joy.
q2 music director of the production || The orchestra and the singers have never sounded better
  together.
c The opera house is one of the oldest cultural institutions in the city and has recently
  completed a renovation of its main stage.
c Demand for opera has risen in recent seasons, with many performances selling out weeks in
  advance.
o The next premiere of the season is planned for the spring.
r1 the stage director
r1 the theatre’s principal stage director

== restoration
t railway station building
t merchant’s mansion
t old lighthouse
t covered market
t former city theatre
t water tower
h {city} reopens historic {thing} after {years}-year restoration
h Restored {thing} from {built} opens to visitors {city:in}
h {thing} built in {built} reopens {city:in}
l The historic {thing} {city:in}, built in {built}, has reopened to the public after a
  {years}-year restoration costing {cost}.
l Restorers {city:in} have completed work on the {thing}, a landmark built in {built}, which will
  now be used as a cultural centre.
p1 About {craftsmen} restorers and builders worked on the project, repairing the facade, the roof
  and the original interiors. Where possible, they used traditional materials and techniques.
p1 The building, with a total area of {area} square metres, had stood empty for years and was in
  poor condition before the work began.
p2 The restoration cost {cost}, paid for by the city and private sponsors. The building will
  house a museum, a café and space for exhibitions and concerts.
p2 Restorers uncovered several original details during the work, including painted ceilings and
  tiles that had been hidden under later layers.
q We tried to preserve everything that could be preserved and to restore the rest with respect
  for the original.
q For many residents this building is part of their childhood memories, and now it is back.
q2 a local historian || The building has seen every chapter of the city’s history, and now it
  can tell that story to visitors.
q2 a resident who came to the opening || I remember it from when I was a child. I am glad it has
  not been lost.
c The city has been investing in the restoration of historic buildings to attract tourists and
  revive its old districts.
c Heritage groups had campaigned for years to save the building, which at one point was
  earmarked for demolition.
o The city plans to restore several more historic buildings in the coming years.
r1 head of the restoration project
r1 the city’s chief architect
"""
