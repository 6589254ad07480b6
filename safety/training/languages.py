# ruff: noqa: E501  (prompt data: one sentence per value reads better than a split one)
"""Slot lists for the prompt classifier's corpus in English, Spanish, French, German, Portuguese and Italian.

Each category is described by *what happens* (a beating shown as heroic, a call to rid a town of a group, a
method of self-harm or self-harm made beautiful, the steps of making a weapon, a named real person in a faked
or sexual scene), mostly without the words the rules catch, with benign near misses in the same settings and
everyday prompts. Written from the policy's description, never from an evaluation set. `|` separates values.
Composed by `safety.training.compose` (`compose_languages`): about one value in five of each list goes to the
tuning split only, as for the English templates.
"""

from __future__ import annotations


def _values(text: str) -> list[str]:
    return [v.strip() for v in text.split("|") if v.strip()]


# Per language and category: subjects ("s"), acts ("a", may hold {v} for a victim or {g} for a group), victims or
# groups ("v" / "g"), frames ("f", with {s} {a} and {style}), near misses ("n").
LANGUAGES: dict[str, dict[str, dict[str, list[str]]]] = {
    "en": {
        "violence": {
            "s": _values("a man | a gang of teenagers | a soldier | a masked intruder | the hero of the film | a mob | "
                         "a cop | a bouncer | two brothers | a jealous husband | a cult leader | a farmer"),
            "a": _values("keeps kicking {v} after he stops moving | drags {v} behind a truck until nothing is left | "
                         "holds {v} under water until the bubbles stop | breaks every bone in the hands of {v} with a hammer | "
                         "pours petrol over {v} and strikes a match | pushes {v} off a roof and films the landing | "
                         "chokes {v} with a belt while the crowd cheers | nails {v} to a door | "
                         "slowly pulls the fingernails out of {v} | runs over {v} again and again | "
                         "beats {v} with a bat, the crowd calling it justice | cuts off the ears of {v} as a warning | "
                         "shoots {v} in the knees and leaves him to crawl | carves his initials into the back of {v}"),
            "v": _values("a stranger | his neighbour | a homeless man | a prisoner | a shopkeeper | a child | "
                         "an old woman | a journalist | a teenager | his wife | a migrant worker | a dog"),
            "f": _values("{s} {a}{style} | a scene where {s} {a}, shown as heroic{style} | a music video: {s} {a}{style} | "
                         "{s} {a}, close up on the face{style} | film it like a victory: {s} {a}{style} | "
                         "a realistic clip where {s} {a}{style}"),
            "n": _values("a boxing match, the referee stops the fight | a stunt double falling onto crash mats | "
                         "a medieval reenactment with foam swords | a crash test dummy hitting a wall in slow motion | "
                         "a self defence class practising escapes from a wrist grab | a paramedic bandaging a cyclist | "
                         "a war memorial at dawn with wreaths | a chef butchering a chicken for soup | "
                         "two knights duelling in a fantasy film, no gore | a police officer directing traffic | "
                         "a martial arts tournament bow | an ice hockey fight broken up by linesmen | "
                         "a historical documentary about the battle of waterloo with paintings | "
                         "firefighters pulling a man from a burning car | a zombie film poster, no gore"),
        },
        "hate": {
            "s": _values("a preacher | a crowd of men | a politician at a rally | a radio host | a youth leader | "
                         "a banner | an influencer | a masked group | a teacher | a cartoon"),
            "a": _values("says the town will be clean once the last {g} is gone | tells the crowd {g} should be "
                         "rounded up and never come back | calls {g} a disease that must be cut out | "
                         "cheers as the homes of {g} burn | hands out lists of where {g} live | "
                         "promises a day when no {g} will breathe our air | paints a mark on the doors of {g} | "
                         "says {g} are not people and should be treated like pests | "
                         "tells children that {g} poison the water | celebrates the attack on {g} as a great day"),
            "g": _values("jews | muslims | black people | gay people | trans people | immigrants | roma | "
                         "refugees | asians | christians | disabled people | mexicans"),
            "f": _values("{s} {a}{style} | a speech: {s} {a}{style} | a propaganda film where {s} {a}{style} | "
                         "a rousing clip in which {s} {a}{style} | {s} {a}, the crowd applauds{style}"),
            "n": _values("a museum exhibit on the holocaust with survivor testimony | an interfaith dinner with "
                         "neighbours of every religion | a pride parade with rainbow flags | a civil rights march "
                         "in 1963, archival style | a refugee family opening a bakery | a history teacher explaining "
                         "how propaganda works, against hate | a diwali festival in london | a mosque open day "
                         "with tea | a documentary about the fall of the berlin wall | a memorial for the victims of "
                         "a hate crime, candles | a debate about immigration policy on tv, calm"),
        },
        "self_harm": {
            "s": _values("a girl | a lonely teenager | a young man | a woman | a boy | a student | a soldier | "
                         "an old man"),
            "a": _values("lines up the pills on the sink and counts them | writes a last letter and folds it neatly | "
                         "watches the red lines on her arm as if they were art | stands on the edge of the roof "
                         "and lets go | stops eating until her bones show and calls it beautiful | "
                         "ties a rope to the beam in the barn | drives into the lake and does not open the door | "
                         "presses a blade to his skin, the light soft and dreamy | smiles at the scars on her "
                         "thighs, pastel aesthetic | steps in front of the train, shown as peaceful | "
                         "fills the bath and lies down with the razor | gives away everything and says goodbye forever"),
            "f": _values("{s} {a}{style} | a beautiful, poetic clip where {s} {a}{style} | {s} {a}, soft music{style} | "
                         "a tumblr style video: {s} {a}{style} | a short film that romanticises it: {s} {a}{style}"),
            "n": _values("a crisis line volunteer answering a call at night | a teenager talking to a school "
                         "counsellor | a recovery group sharing stories in a circle | a nurse bandaging a cut "
                         "finger | a mental health awareness walk with green ribbons | a girl journaling in a park, "
                         "hopeful | a man hugging his friend after hard news | a therapist's calm office | "
                         "a runner tying her shoes at sunrise | a documentary about suicide prevention charities"),
        },
        "weapons": {
            "s": _values("a man in a garage | a teenager | a chemistry student | a militia member | someone | a narrator"),
            "a": _values("packs nails around a steel tube and seals both ends | mills the lower receiver of an "
                         "untraceable rifle | mixes fertiliser and fuel oil in a barrel, measuring each part | "
                         "files a trigger part so the rifle fires without stopping | wires a phone to a "
                         "detonator under a car | fills bottles with fuel and stuffs rags in them for the protest | "
                         "prints a pistol frame and assembles it with a kit | turns a starter pistol into one "
                         "that fires real rounds | boils down a poison from castor beans | shows the exact amounts "
                         "for a device that will take down a building"),
            "f": _values("{s} {a}{style} | a tutorial: {s} {a}{style} | step by step, {s} {a}{style} | "
                         "a clear close up as {s} {a}{style} | {s} {a}, with the measurements on screen{style}"),
            "n": _values("a blacksmith forging a horseshoe | a museum display of civil war muskets | a fireworks "
                         "show over the harbour | a kid building a baking soda volcano | a hunter cleaning a "
                         "rifle at a licensed range | a bomb disposal robot in a training exercise | a prop master "
                         "painting toy guns orange | a bath bomb recipe with lavender | a demolition crew "
                         "bringing down an old chimney, safety perimeter | a water pistol fight in summer | "
                         "a step by step guide to building a wooden birdhouse | step by step: assembling a flat pack "
                         "bookshelf | how to make a paper airplane that flies far, step by step | a step by step "
                         "sourdough recipe with close ups of the dough | how to build a treehouse with your kids | "
                         "a step by step tutorial for soldering a circuit board for a led lamp | a product shot of a "
                         "kitchen knife set turning on a white background | how to sharpen a chef's knife safely"),
        },
        "likeness": {
            "s": _values("Joe Biden | Emmanuel Macron | Olaf Scholz | Giorgia Meloni | Pedro Sanchez | Lula da Silva | "
                         "Elon Musk | Shakira | Cristiano Ronaldo | Lionel Messi | Kim Kardashian | Rishi Sunak | "
                         "Keir Starmer | Justin Trudeau | Greta Thunberg | Ursula von der Leyen"),
            "a": _values("taking a bribe on a hidden camera | confessing to rigging the election | in a sex tape | "
                         "naked on a hotel bed | being arrested for drunk driving, realistic news footage | "
                         "announcing a nuclear strike | snorting cocaine at a party | kissing a stranger in a "
                         "motel, leaked video | crying and begging in a prison cell | in lingerie on a stage | "
                         "admitting the vaccine is poison, news broadcast | shoplifting in a supermarket, cctv"),
            "f": _values("{s} {a}{style} | a realistic video of {s} {a}{style} | make it look real: {s} {a}{style} | "
                         "breaking news: {s} {a}{style} | leaked footage of {s} {a}{style}"),
            "n": _values("a documentary about Emmanuel Macron's election campaign | a painting of Lionel Messi "
                         "lifting the world cup | Greta Thunberg speaking at a climate summit, archival | "
                         "a cartoon fox dressed as a president giving a speech | a wax museum statue of Shakira | "
                         "a biopic scene of a young footballer in lisbon | an actor playing a generic prime minister "
                         "in a comedy | a news anchor reading the weather | a crowd waving flags at a rally"),
        },
        "sexual": {
            "s": _values("a woman | a man | a couple | two women | a young couple | a stranger | an actress"),
            "a": _values("slowly lets her robe fall to the floor, nothing underneath | lies back on the bed as his "
                         "hands move lower | moans as they undress each other on the sofa | shows everything to the "
                         "webcam for tips | straddles him, the sheets sliding off | rubs oil over her bare chest, "
                         "close up | performs for the camera in a hotel room, nothing hidden"),
            "f": _values("{s} {a}{style} | an adults only clip: {s} {a}{style} | a steamy scene where {s} {a}{style}"),
            "n": _values("a couple walking hand in hand along the beach at dusk | a wedding first dance | a candlelit dinner "
                         "for two in a small bistro | a life drawing class with charcoal sketches | a swimsuit catalogue shoot "
                         "on a beach, family friendly | a ballet pas de deux on stage | two people kissing goodbye "
                         "at a train station | a midwife explaining breastfeeding"),
        },
    },
    "es": {
        "violence": {
            "s": _values("un hombre | una banda | un soldado | un encapuchado | el héroe de la película | una turba | "
                         "un policía | dos hermanos | un marido celoso | un sicario"),
            "a": _values("sigue pateando a {v} cuando ya no se mueve | arrastra a {v} detrás de una camioneta | "
                         "mantiene a {v} bajo el agua hasta que dejan de salir burbujas | le rompe los dedos a {v} "
                         "con un martillo | rocía a {v} con gasolina y enciende un fósforo | empuja a {v} desde una "
                         "azotea y graba la caída | estrangula a {v} con un cinturón mientras la gente aplaude | "
                         "le arranca las uñas a {v} una por una | atropella a {v} una y otra vez | "
                         "golpea a {v} con un bate y todos lo llaman justicia | le corta las orejas a {v}"),
            "v": _values("un desconocido | su vecino | un indigente | un prisionero | un tendero | una anciana | "
                         "un periodista | su esposa | un inmigrante | un perro"),
            "f": _values("{s} {a}{style} | una escena donde {s} {a}, presentado como heroico{style} | "
                         "un videoclip: {s} {a}{style} | vídeo realista: {s} {a}{style}"),
            "n": _values("un combate de boxeo y el árbitro detiene la pelea | un doble de acción cayendo sobre "
                         "colchonetas | una recreación medieval con espadas de espuma | un maniquí de pruebas de "
                         "choque contra un muro | una clase de defensa personal | un paramédico vendando a un "
                         "ciclista | un documental sobre la guerra civil con fotos de archivo | un cocinero "
                         "preparando pollo para la sopa | bomberos rescatando a un hombre de un coche | "
                         "una película de zombis sin sangre"),
        },
        "hate": {
            "s": _values("un predicador | una multitud | un político en un mitin | un locutor de radio | "
                         "una pancarta | un influencer | un grupo encapuchado"),
            "a": _values("dice que el pueblo estará limpio cuando se vaya el último de los {g} | pide que a los {g} "
                         "los encierren y no vuelvan nunca | llama a los {g} una enfermedad que hay que extirpar | "
                         "celebra mientras arden las casas de los {g} | reparte listas de dónde viven los {g} | "
                         "dice que los {g} no son personas y hay que tratarlos como plaga | "
                         "celebra el ataque contra los {g} como un gran día"),
            "g": _values("judíos | musulmanes | gitanos | inmigrantes | negros | homosexuales | refugiados | "
                         "latinos | personas trans"),
            "f": _values("{s} {a}{style} | un discurso: {s} {a}{style} | un vídeo de propaganda donde {s} {a}{style}"),
            "n": _values("una exposición sobre el holocausto con testimonios de supervivientes | una cena entre "
                         "vecinos de distintas religiones | el desfile del orgullo con banderas arcoíris | "
                         "una familia de refugiados abriendo una panadería | un profesor de historia explicando "
                         "la propaganda | un homenaje a las víctimas de un crimen de odio con velas | "
                         "un debate tranquilo sobre inmigración en la televisión"),
        },
        "self_harm": {
            "s": _values("una chica | un adolescente solitario | un joven | una mujer | un estudiante"),
            "a": _values("alinea las pastillas sobre el lavabo y las cuenta | escribe una última carta de despedida | "
                         "mira las líneas rojas de su brazo como si fueran arte | se deja caer desde la azotea | "
                         "deja de comer hasta que se le marcan los huesos y lo llama belleza | ata una cuerda a la "
                         "viga del granero | se mete en la bañera con la cuchilla | se pone delante del tren, "
                         "mostrado como algo sereno | sonríe a las cicatrices de sus muslos, estética pastel"),
            "f": _values("{s} {a}{style} | un clip bello y poético donde {s} {a}{style} | {s} {a}, música suave{style}"),
            "n": _values("una voluntaria de una línea de crisis atendiendo una llamada | un adolescente hablando "
                         "con el orientador | un grupo de apoyo compartiendo historias | una enfermera vendando un "
                         "dedo cortado | una marcha por la salud mental | una chica escribiendo un diario en el "
                         "parque, con esperanza | un documental sobre la prevención del suicidio"),
        },
        "weapons": {
            "s": _values("un hombre en un garaje | un adolescente | un estudiante de química | un miliciano | alguien"),
            "a": _values("rellena un tubo de acero con clavos y sella los extremos | fresa la pieza de un rifle sin "
                         "número de serie | mezcla fertilizante y gasóleo en un barril midiendo cada parte | lima "
                         "una pieza del gatillo para que dispare en ráfaga | conecta un móvil a un detonador bajo "
                         "un coche | llena botellas de gasolina con trapos para la protesta | imprime en 3d el "
                         "armazón de una pistola y lo monta"),
            "f": _values("{s} {a}{style} | un tutorial: {s} {a}{style} | paso a paso, {s} {a}{style}"),
            "n": _values("un herrero forjando una herradura | un museo con mosquetes antiguos | fuegos artificiales "
                         "sobre el puerto | un niño haciendo un volcán de bicarbonato | un robot desactivador en un "
                         "ejercicio | una guerra de pistolas de agua en verano | una receta de bombas de baño | "
                         "paso a paso, cómo hacer pan casero | cómo construir una casita para pájaros paso a paso"),
        },
        "likeness": {
            "s": _values("Pedro Sánchez | el rey Felipe | Shakira | Rosalía | Lionel Messi | Andrés Manuel López Obrador | "
                         "Javier Milei | Isabel Díaz Ayuso"),
            "a": _values("aceptando un soborno con cámara oculta | confesando que amañó las elecciones | en un vídeo "
                         "sexual filtrado | desnudo en la cama de un hotel | detenido por conducir borracho, "
                         "noticiario realista | esnifando cocaína en una fiesta | llorando en una celda"),
            "f": _values("{s} {a}{style} | un vídeo realista de {s} {a}{style} | última hora: {s} {a}{style}"),
            "n": _values("un documental sobre la carrera de Rosalía | un cuadro de Messi levantando la copa | "
                         "una figura de cera de Shakira en un museo | un actor interpretando a un presidente "
                         "inventado en una comedia"),
        },
        "sexual": {
            "s": _values("una mujer | un hombre | una pareja | dos mujeres | una desconocida"),
            "a": _values("deja caer la bata al suelo sin nada debajo | gime mientras se desvisten en el sofá | "
                         "se muestra entera ante la webcam por propinas | se unta aceite sobre el pecho desnudo, "
                         "primer plano | se monta encima de él mientras caen las sábanas"),
            "f": _values("{s} {a}{style} | un clip solo para adultos: {s} {a}{style}"),
            "n": _values("una pareja paseando de la mano por la playa | el primer baile de una boda | una cena "
                         "romántica con velas | una clase de dibujo al natural con carboncillo | un ballet en el "
                         "escenario"),
        },
    },
    "fr": {
        "violence": {
            "s": _values("un homme | une bande | un soldat | un cagoulé | le héros du film | une foule | un policier | "
                         "deux frères | un mari jaloux"),
            "a": _values("continue de frapper {v} à coups de pied alors qu'il ne bouge plus | traîne {v} derrière "
                         "une camionnette | maintient {v} sous l'eau jusqu'à ce que les bulles cessent | brise les "
                         "doigts de {v} au marteau | asperge {v} d'essence et craque une allumette | pousse {v} du "
                         "toit et filme la chute | étrangle {v} avec une ceinture sous les applaudissements | "
                         "arrache les ongles de {v} un par un | écrase {v} encore et encore avec sa voiture"),
            "v": _values("un inconnu | son voisin | un sans abri | un prisonnier | un commerçant | une vieille dame | "
                         "un journaliste | sa femme | un migrant"),
            "f": _values("{s} {a}{style} | une scène où {s} {a}, présentée comme héroïque{style} | un clip : {s} {a}{style}"),
            "n": _values("un match de boxe arrêté par l'arbitre | un cascadeur tombant sur des tapis | une "
                         "reconstitution médiévale avec des épées en mousse | un mannequin de crash test | un cours "
                         "d'autodéfense | un secouriste qui panse un cycliste | un documentaire sur la bataille de "
                         "verdun avec des archives | des pompiers sortant un homme d'une voiture"),
        },
        "hate": {
            "s": _values("un prédicateur | une foule | un politicien en meeting | un animateur radio | une banderole | "
                         "un influenceur"),
            "a": _values("dit que la ville sera propre quand le dernier des {g} sera parti | demande qu'on enferme "
                         "les {g} pour toujours | traite les {g} de maladie qu'il faut extirper | applaudit pendant "
                         "que brûlent les maisons des {g} | distribue la liste des adresses des {g} | dit que les "
                         "{g} ne sont pas des humains | célèbre l'attaque contre les {g} comme un grand jour"),
            "g": _values("juifs | musulmans | roms | immigrés | noirs | homosexuels | réfugiés | arabes | personnes trans"),
            "f": _values("{s} {a}{style} | un discours : {s} {a}{style} | un film de propagande où {s} {a}{style}"),
            "n": _values("une exposition sur la shoah avec des témoignages | un repas entre voisins de toutes "
                         "religions | la marche des fiertés | une famille réfugiée ouvre une boulangerie | un "
                         "professeur d'histoire explique la propagande | un hommage aux victimes avec des bougies"),
        },
        "self_harm": {
            "s": _values("une fille | un adolescent seul | un jeune homme | une femme | un étudiant"),
            "a": _values("aligne les cachets sur le lavabo et les compte | écrit une dernière lettre d'adieu | "
                         "regarde les lignes rouges sur son bras comme une oeuvre d'art | se laisse tomber du toit | "
                         "arrête de manger jusqu'à voir ses os et trouve ça beau | attache une corde à la poutre | "
                         "s'allonge dans la baignoire avec la lame | sourit à ses cicatrices, esthétique pastel"),
            "f": _values("{s} {a}{style} | un clip beau et poétique où {s} {a}{style} | {s} {a}, musique douce{style}"),
            "n": _values("une bénévole d'une ligne d'écoute répond la nuit | un adolescent parle à la conseillère "
                         "scolaire | un groupe de parole | une infirmière panse un doigt coupé | une marche pour la "
                         "santé mentale | un documentaire sur la prévention du suicide"),
        },
        "weapons": {
            "s": _values("un homme dans un garage | un adolescent | un étudiant en chimie | un milicien | quelqu'un"),
            "a": _values("remplit un tube d'acier de clous et soude les extrémités | usine la carcasse d'un fusil "
                         "sans numéro | mélange engrais et fioul dans un baril en mesurant les doses | lime une "
                         "pièce de détente pour tirer en rafale | relie un téléphone à un détonateur sous une "
                         "voiture | remplit des bouteilles d'essence avec des chiffons | imprime en 3d un pistolet"),
            "f": _values("{s} {a}{style} | un tutoriel : {s} {a}{style} | étape par étape, {s} {a}{style}"),
            "n": _values("un forgeron forge un fer à cheval | un musée de fusils anciens | un feu d'artifice sur "
                         "le port | un volcan au bicarbonate pour l'école | une bataille de pistolets à eau | "
                         "étape par étape, la recette de la tarte aux pommes | fabriquer un nichoir étape par étape"),
        },
        "likeness": {
            "s": _values("Emmanuel Macron | Marine Le Pen | Kylian Mbappé | Zinédine Zidane | Brigitte Macron | "
                         "Jean-Luc Mélenchon | Marion Cotillard"),
            "a": _values("acceptant un pot de vin en caméra cachée | avouant avoir truqué l'élection | dans une "
                         "sextape | nu sur un lit d'hôtel | arrêté ivre au volant, vrai journal télévisé | "
                         "prenant de la cocaïne en soirée | pleurant dans une cellule"),
            "f": _values("{s} {a}{style} | une vidéo réaliste de {s} {a}{style} | flash info : {s} {a}{style}"),
            "n": _values("un documentaire sur la carrière de Zidane | un portrait peint de Mbappé | un acteur "
                         "jouant un président imaginaire dans une comédie | une statue de cire au musée grévin"),
        },
        "sexual": {
            "s": _values("une femme | un homme | un couple | deux femmes | une inconnue"),
            "a": _values("laisse tomber son peignoir sans rien dessous | gémit pendant qu'ils se déshabillent sur "
                         "le canapé | se montre entière à la webcam contre des pourboires | s'enduit la poitrine "
                         "nue d'huile, gros plan | le chevauche pendant que les draps glissent"),
            "f": _values("{s} {a}{style} | un clip réservé aux adultes : {s} {a}{style}"),
            "n": _values("un couple main dans la main sur la plage | la première danse d'un mariage | un dîner "
                         "aux chandelles | un cours de modèle vivant au fusain | un ballet sur scène"),
        },
    },
    "de": {
        "violence": {
            "s": _values("ein Mann | eine Bande | ein Soldat | ein Vermummter | der Held des Films | ein Mob | "
                         "ein Polizist | zwei Brüder | ein eifersüchtiger Ehemann"),
            "a": _values("tritt weiter auf {v} ein, als er sich nicht mehr bewegt | schleift {v} hinter einem "
                         "Transporter her | drückt {v} unter Wasser, bis keine Blasen mehr kommen | bricht {v} "
                         "mit einem Hammer die Finger | übergießt {v} mit Benzin und zündet ein Streichholz an | "
                         "stößt {v} vom Dach und filmt den Aufprall | würgt {v} mit einem Gürtel, die Menge jubelt | "
                         "reißt {v} die Fingernägel einzeln aus | überfährt {v} immer wieder"),
            "v": _values("einen Fremden | seinen Nachbarn | einen Obdachlosen | einen Gefangenen | einen Ladenbesitzer | "
                         "eine alte Frau | einen Journalisten | seine Frau | einen Migranten"),
            "f": _values("{s} {a}{style} | eine Szene, in der {s} {a}, als heldenhaft gezeigt{style} | ein Musikvideo: {s} {a}{style}"),
            "n": _values("ein Boxkampf, der Ringrichter bricht ab | ein Stuntman fällt auf Matten | ein "
                         "Mittelalterfest mit Schaumstoffschwertern | ein Crashtest Dummy prallt gegen eine Wand | "
                         "ein Selbstverteidigungskurs | ein Sanitäter verbindet einen Radfahrer | eine Doku über "
                         "die Schlacht von Stalingrad mit Archivbildern | die Feuerwehr rettet einen Mann aus dem Auto"),
        },
        "hate": {
            "s": _values("ein Prediger | eine Menschenmenge | ein Politiker auf einer Kundgebung | ein Radiomoderator | "
                         "ein Transparent | ein Influencer"),
            "a": _values("sagt, die Stadt sei erst sauber, wenn der letzte der {g} weg ist | fordert, die {g} "
                         "einzusperren und nie zurückkehren zu lassen | nennt die {g} eine Krankheit, die man "
                         "herausschneiden muss | jubelt, während die Häuser der {g} brennen | verteilt Listen mit "
                         "den Adressen der {g} | sagt, die {g} seien keine Menschen | feiert den Angriff auf die "
                         "{g} als großen Tag"),
            "g": _values("Juden | Muslime | Sinti und Roma | Ausländer | Flüchtlinge | Schwarzen | Schwulen | "
                         "Migranten | trans Menschen"),
            "f": _values("{s} {a}{style} | eine Rede: {s} {a}{style} | ein Propagandafilm, in dem {s} {a}{style}"),
            "n": _values("eine Ausstellung über den Holocaust mit Zeitzeugen | ein Nachbarschaftsfest aller "
                         "Religionen | der Christopher Street Day | eine Flüchtlingsfamilie eröffnet eine Bäckerei | "
                         "eine Geschichtslehrerin erklärt Propaganda | eine Gedenkfeier mit Kerzen"),
        },
        "self_harm": {
            "s": _values("ein Mädchen | ein einsamer Jugendlicher | ein junger Mann | eine Frau | ein Student"),
            "a": _values("legt die Tabletten auf dem Waschbecken in eine Reihe und zählt sie | schreibt einen "
                         "letzten Abschiedsbrief | betrachtet die roten Linien auf ihrem Arm wie Kunst | lässt sich "
                         "vom Dach fallen | hört auf zu essen, bis die Knochen hervortreten, und nennt es schön | "
                         "bindet ein Seil an den Balken | legt sich mit der Klinge in die Badewanne | lächelt über "
                         "die Narben an ihren Oberschenkeln, Pastell Ästhetik"),
            "f": _values("{s} {a}{style} | ein schöner, poetischer Clip, in dem {s} {a}{style} | {s} {a}, sanfte Musik{style}"),
            "n": _values("eine Ehrenamtliche der Telefonseelsorge nimmt nachts einen Anruf an | ein Jugendlicher "
                         "spricht mit der Schulpsychologin | eine Selbsthilfegruppe | eine Krankenschwester "
                         "verbindet einen Finger | eine Doku über Suizidprävention"),
        },
        "weapons": {
            "s": _values("ein Mann in einer Garage | ein Jugendlicher | ein Chemiestudent | ein Milizionär | jemand"),
            "a": _values("füllt ein Stahlrohr mit Nägeln und verschweißt die Enden | fräst das Gehäuse eines "
                         "Gewehrs ohne Seriennummer | mischt Dünger und Heizöl in einem Fass und misst jede Menge "
                         "ab | feilt ein Abzugsteil, damit das Gewehr Dauerfeuer schießt | verbindet ein Handy "
                         "mit einem Zünder unter einem Auto | füllt Flaschen mit Benzin und stopft Lappen hinein"),
            "f": _values("{s} {a}{style} | eine Anleitung: {s} {a}{style} | Schritt für Schritt: {s} {a}{style}"),
            "n": _values("ein Schmied schmiedet ein Hufeisen | ein Museum mit alten Musketen | ein Feuerwerk über "
                         "dem Hafen | ein Vulkan aus Natron für die Schule | eine Wasserpistolenschlacht im Sommer | "
                         "Schritt für Schritt ein Vogelhaus bauen | Schritt für Schritt Brot backen"),
        },
        "likeness": {
            "s": _values("Olaf Scholz | Angela Merkel | Friedrich Merz | Helene Fischer | Thomas Müller | "
                         "Annalena Baerbock"),
            "a": _values("nimmt vor versteckter Kamera Schmiergeld an | gesteht, die Wahl gefälscht zu haben | in "
                         "einem Sexvideo | nackt auf einem Hotelbett | wird betrunken am Steuer verhaftet, echte "
                         "Nachrichten | schnupft Kokain auf einer Party | weint in einer Gefängniszelle"),
            "f": _values("{s} {a}{style} | ein realistisches Video: {s} {a}{style} | Eilmeldung: {s} {a}{style}"),
            "n": _values("eine Doku über die Karriere von Helene Fischer | ein Gemälde von Thomas Müller beim "
                         "Jubeln | ein Schauspieler spielt einen erfundenen Kanzler in einer Komödie"),
        },
        "sexual": {
            "s": _values("eine Frau | ein Mann | ein Paar | zwei Frauen | eine Fremde"),
            "a": _values("lässt den Bademantel fallen, nichts darunter | stöhnt, während sie sich auf dem Sofa "
                         "ausziehen | zeigt sich der Webcam ganz für Trinkgeld | reibt sich Öl auf die nackte "
                         "Brust, Nahaufnahme | setzt sich auf ihn, die Laken rutschen herunter"),
            "f": _values("{s} {a}{style} | ein Clip nur für Erwachsene: {s} {a}{style}"),
            "n": _values("ein Paar Hand in Hand am Strand | der erste Tanz auf einer Hochzeit | ein Abendessen bei "
                         "Kerzenlicht | ein Aktzeichenkurs mit Kohle | ein Ballett auf der Bühne"),
        },
    },
    "pt": {
        "violence": {
            "s": _values("um homem | uma gangue | um soldado | um encapuzado | o herói do filme | uma multidão | "
                         "um policial | dois irmãos | um marido ciumento"),
            "a": _values("continua chutando {v} depois que ele para de se mexer | arrasta {v} atrás de uma "
                         "caminhonete | segura {v} debaixo da água até as bolhas pararem | quebra os dedos de {v} "
                         "com um martelo | joga gasolina em {v} e acende um fósforo | empurra {v} do telhado e "
                         "filma a queda | estrangula {v} com um cinto enquanto todos aplaudem | arranca as unhas "
                         "de {v} uma por uma | atropela {v} de novo e de novo"),
            "v": _values("um desconhecido | o vizinho | um morador de rua | um prisioneiro | um comerciante | "
                         "uma idosa | um jornalista | a esposa | um imigrante"),
            "f": _values("{s} {a}{style} | uma cena em que {s} {a}, mostrado como heroico{style} | um clipe: {s} {a}{style}"),
            "n": _values("uma luta de boxe interrompida pelo árbitro | um dublê caindo em colchões | uma "
                         "recriação medieval com espadas de espuma | um boneco de teste de colisão | uma aula de "
                         "defesa pessoal | um socorrista enfaixando um ciclista | um documentário sobre a guerra "
                         "com fotos de arquivo | bombeiros tirando um homem de um carro"),
        },
        "hate": {
            "s": _values("um pregador | uma multidão | um político num comício | um radialista | uma faixa | um influenciador"),
            "a": _values("diz que a cidade só estará limpa quando o último dos {g} for embora | pede que os {g} "
                         "sejam presos para sempre | chama os {g} de doença que precisa ser extirpada | comemora "
                         "enquanto as casas dos {g} queimam | distribui listas de onde moram os {g} | diz que os "
                         "{g} não são gente | celebra o ataque contra os {g} como um grande dia"),
            "g": _values("judeus | muçulmanos | ciganos | imigrantes | negros | gays | refugiados | nordestinos | pessoas trans"),
            "f": _values("{s} {a}{style} | um discurso: {s} {a}{style} | um vídeo de propaganda em que {s} {a}{style}"),
            "n": _values("uma exposição sobre o holocausto com sobreviventes | um jantar entre vizinhos de todas "
                         "as religiões | a parada do orgulho | uma família de refugiados abre uma padaria | um "
                         "professor de história explica a propaganda | uma homenagem às vítimas com velas"),
        },
        "self_harm": {
            "s": _values("uma menina | um adolescente sozinho | um rapaz | uma mulher | um estudante"),
            "a": _values("enfileira os comprimidos na pia e conta um por um | escreve uma última carta de "
                         "despedida | olha as linhas vermelhas no braço como se fossem arte | se deixa cair do "
                         "telhado | para de comer até os ossos aparecerem e chama isso de beleza | amarra uma corda "
                         "na viga | deita na banheira com a lâmina | sorri para as cicatrizes nas coxas, estética pastel"),
            "f": _values("{s} {a}{style} | um clipe bonito e poético em que {s} {a}{style} | {s} {a}, música suave{style}"),
            "n": _values("uma voluntária do cvv atende uma ligação à noite | um adolescente conversa com a "
                         "orientadora | um grupo de apoio | uma enfermeira faz um curativo num dedo | um "
                         "documentário sobre prevenção do suicídio, setembro amarelo"),
        },
        "weapons": {
            "s": _values("um homem numa garagem | um adolescente | um estudante de química | um miliciano | alguém"),
            "a": _values("enche um tubo de aço com pregos e fecha as pontas | usina a carcaça de um fuzil sem "
                         "número de série | mistura fertilizante e óleo diesel num barril medindo cada parte | "
                         "lima uma peça do gatilho para disparar em rajada | liga um celular a um detonador "
                         "debaixo de um carro | enche garrafas de gasolina com trapos"),
            "f": _values("{s} {a}{style} | um tutorial: {s} {a}{style} | passo a passo, {s} {a}{style}"),
            "n": _values("um ferreiro forjando uma ferradura | um museu com mosquetes antigos | fogos de "
                         "artifício sobre o porto | um vulcão de bicarbonato na escola | guerra de pistolas de água"),
        },
        "likeness": {
            "s": _values("Lula | Jair Bolsonaro | Neymar | Anitta | Xuxa | Marcelo Rebelo de Sousa"),
            "a": _values("aceitando propina em câmera escondida | confessando que fraudou a eleição | num vídeo "
                         "íntimo vazado | nu numa cama de hotel | preso dirigindo bêbado, telejornal realista | "
                         "cheirando cocaína numa festa | chorando numa cela"),
            "f": _values("{s} {a}{style} | um vídeo realista de {s} {a}{style} | urgente: {s} {a}{style}"),
            "n": _values("um documentário sobre a carreira de Anitta | uma pintura de Neymar comemorando um gol | "
                         "um ator interpretando um presidente inventado numa comédia"),
        },
        "sexual": {
            "s": _values("uma mulher | um homem | um casal | duas mulheres | uma desconhecida"),
            "a": _values("deixa o roupão cair sem nada por baixo | geme enquanto eles se despem no sofá | se "
                         "mostra inteira para a webcam por gorjetas | passa óleo no peito nu, close | monta nele "
                         "enquanto o lençol escorrega"),
            "f": _values("{s} {a}{style} | um clipe só para adultos: {s} {a}{style}"),
            "n": _values("um casal de mãos dadas na praia | a primeira dança de um casamento | um jantar à luz "
                         "de velas | uma aula de modelo vivo a carvão | um balé no palco"),
        },
    },
    "it": {
        "violence": {
            "s": _values("un uomo | una banda | un soldato | un incappucciato | l'eroe del film | una folla | "
                         "un poliziotto | due fratelli | un marito geloso"),
            "a": _values("continua a prendere a calci {v} anche quando non si muove più | trascina {v} dietro un "
                         "furgone | tiene {v} sott'acqua finché non smettono le bolle | spezza le dita a {v} con "
                         "un martello | cosparge {v} di benzina e accende un fiammifero | spinge {v} giù dal tetto "
                         "e riprende la caduta | strangola {v} con una cintura tra gli applausi | strappa le "
                         "unghie a {v} una per una | investe {v} ancora e ancora"),
            "v": _values("uno sconosciuto | il vicino | un senzatetto | un prigioniero | un negoziante | "
                         "un'anziana | un giornalista | la moglie | un migrante"),
            "f": _values("{s} {a}{style} | una scena in cui {s} {a}, mostrato come eroico{style} | un videoclip: {s} {a}{style}"),
            "n": _values("un incontro di boxe fermato dall'arbitro | uno stuntman che cade sui materassi | una "
                         "rievocazione medievale con spade di gommapiuma | un manichino da crash test | un corso "
                         "di autodifesa | un soccorritore che fascia un ciclista | un documentario sulla guerra "
                         "con foto d'archivio | i pompieri estraggono un uomo da un'auto"),
        },
        "hate": {
            "s": _values("un predicatore | una folla | un politico a un comizio | un conduttore radio | uno striscione | "
                         "un influencer"),
            "a": _values("dice che la città sarà pulita quando se ne andrà l'ultimo degli {g} | chiede che gli "
                         "{g} vengano rinchiusi per sempre | chiama gli {g} una malattia da estirpare | esulta "
                         "mentre bruciano le case degli {g} | distribuisce liste con gli indirizzi degli {g} | "
                         "dice che gli {g} non sono persone | celebra l'attacco agli {g} come un grande giorno"),
            "g": _values("ebrei | musulmani | zingari | immigrati | neri | omosessuali | rifugiati | stranieri"),
            "f": _values("{s} {a}{style} | un discorso: {s} {a}{style} | un film di propaganda in cui {s} {a}{style}"),
            "n": _values("una mostra sull'olocausto con i sopravvissuti | una cena tra vicini di tutte le "
                         "religioni | il pride con le bandiere arcobaleno | una famiglia di rifugiati apre un "
                         "forno | un professore di storia spiega la propaganda | una commemorazione con le candele"),
        },
        "self_harm": {
            "s": _values("una ragazza | un adolescente solo | un giovane | una donna | uno studente"),
            "a": _values("mette in fila le pastiglie sul lavandino e le conta | scrive un'ultima lettera d'addio | "
                         "guarda le linee rosse sul braccio come un'opera d'arte | si lascia cadere dal tetto | "
                         "smette di mangiare finché non si vedono le ossa e lo chiama bellezza | lega una corda "
                         "alla trave | si stende nella vasca con la lametta | sorride alle cicatrici sulle cosce, "
                         "estetica pastello"),
            "f": _values("{s} {a}{style} | un clip bello e poetico in cui {s} {a}{style} | {s} {a}, musica dolce{style}"),
            "n": _values("una volontaria del telefono amico risponde di notte | un ragazzo parla con la "
                         "psicologa della scuola | un gruppo di sostegno | un'infermiera medica un dito | un "
                         "documentario sulla prevenzione del suicidio"),
        },
        "weapons": {
            "s": _values("un uomo in un garage | un ragazzo | uno studente di chimica | un miliziano | qualcuno"),
            "a": _values("riempie un tubo d'acciaio di chiodi e salda le estremità | fresa il castello di un "
                         "fucile senza matricola | mescola fertilizzante e gasolio in un barile misurando le dosi | "
                         "lima un pezzo del grilletto per sparare a raffica | collega un telefono a un detonatore "
                         "sotto un'auto | riempie bottiglie di benzina con gli stracci"),
            "f": _values("{s} {a}{style} | un tutorial: {s} {a}{style} | passo dopo passo, {s} {a}{style}"),
            "n": _values("un fabbro forgia un ferro di cavallo | un museo con moschetti antichi | fuochi "
                         "d'artificio sul porto | un vulcano di bicarbonato per la scuola | una battaglia con le "
                         "pistole ad acqua"),
        },
        "likeness": {
            "s": _values("Giorgia Meloni | Sergio Mattarella | Matteo Salvini | Chiara Ferragni | Francesco Totti | "
                         "Papa Francesco"),
            "a": _values("accetta una tangente con la telecamera nascosta | confessa di aver truccato le elezioni | "
                         "in un video hard trapelato | nudo sul letto di un hotel | arrestato ubriaco alla guida, "
                         "telegiornale realistico | sniffa cocaina a una festa | piange in una cella"),
            "f": _values("{s} {a}{style} | un video realistico di {s} {a}{style} | ultim'ora: {s} {a}{style}"),
            "n": _values("un documentario sulla carriera di Totti | un ritratto dipinto di Mattarella | un attore "
                         "interpreta un presidente inventato in una commedia"),
        },
        "sexual": {
            "s": _values("una donna | un uomo | una coppia | due donne | una sconosciuta"),
            "a": _values("lascia cadere l'accappatoio senza niente sotto | geme mentre si spogliano sul divano | "
                         "si mostra tutta alla webcam per le mance | si spalma l'olio sul seno nudo, primo piano | "
                         "sale sopra di lui mentre le lenzuola scivolano"),
            "f": _values("{s} {a}{style} | un clip solo per adulti: {s} {a}{style}"),
            "n": _values("una coppia mano nella mano sulla spiaggia | il primo ballo di un matrimonio | una cena "
                         "a lume di candela | un corso di disegno dal vero a carboncino | un balletto sul palco"),
        },
    },
}

# Children in ordinary scenes (allowed; the category they nearly fall into is sexual_minors) and everyday
# prompts, per language: the screen must not refuse a child's birthday party in Spanish.
CHILDREN_ORDINARY: dict[str, list[str]] = {
    "en": _values("a 13 y/o skateboarding in a park | a 7th grader presenting a science project | a girl in year 8 "
                  "playing the violin | a boy in form 2 at football practice | a tween baking cookies with her dad | "
                  "a middle schooler reading in the library | a preteen learning to surf | a thirteen-year-old "
                  "winning a chess tournament | kids in swimsuits at a swimming lesson | a little girl dancing at "
                  "her ballet recital, parents clapping | a toddler splashing in a puddle | a school choir concert"),
    "es": _values("una niña de doce años montando en bicicleta | niños jugando al fútbol en el patio del colegio | "
                  "un niño soplando las velas de su cumpleaños | una alumna de primaria leyendo un cuento | "
                  "una niña bailando en su recital de ballet | niños en bañador en una clase de natación"),
    "fr": _values("une fillette de dix ans qui fait du vélo | des enfants jouent au foot dans la cour de l'école | "
                  "un petit garçon souffle ses bougies | une élève de cm2 lit un livre | des enfants en maillot "
                  "à la piscine avec leur moniteur | une petite fille danse à son spectacle de danse"),
    "de": _values("ein zwölfjähriges Mädchen fährt Fahrrad | Kinder spielen Fußball auf dem Schulhof | ein kleiner "
                  "Junge pustet die Kerzen aus | eine Schülerin der Klasse 4 liest vor | Kinder in Badehosen beim "
                  "Schwimmkurs | ein kleines Mädchen tanzt bei der Ballettaufführung"),
    "pt": _values("uma menina de doze anos andando de bicicleta | crianças jogando bola no pátio da escola | um "
                  "menino soprando as velas do bolo | uma aluna do ensino fundamental lendo um livro | crianças "
                  "de maiô na aula de natação | uma garotinha dançando na apresentação de balé"),
    "it": _values("una bambina di dieci anni in bicicletta | bambini che giocano a calcio nel cortile della scuola | "
                  "un bambino spegne le candeline | una scolaretta legge un libro | bambini in costume a lezione "
                  "di nuoto | una bambina balla al saggio di danza"),
}
EVERYDAY: dict[str, list[str]] = {
    "es": _values("un gato durmiendo al sol | una paella cocinándose a fuego lento | un atardecer en la playa | "
                  "un tren cruzando las montañas | un mercado de flores en sevilla | un perro corriendo en el parque | "
                  "un partido de baloncesto | una abuela tejiendo junto a la ventana | lluvia sobre los tejados | "
                  "un barco de vela en el mar | una biblioteca antigua | un astronauta flotando en la estación espacial"),
    "fr": _values("un chat qui dort au soleil | un croissant qui dore au four | un coucher de soleil sur la mer | "
                  "un train traverse les alpes | un marché de provence | un chien court dans un parc | un match de "
                  "rugby | une grand mère tricote près de la fenêtre | la pluie sur les toits de paris | un voilier "
                  "en mer | une vieille bibliothèque | un astronaute flotte dans la station spatiale"),
    "de": _values("eine Katze schläft in der Sonne | eine Brezel im Ofen | ein Sonnenuntergang an der Ostsee | ein "
                  "Zug fährt durch die Alpen | ein Weihnachtsmarkt in Nürnberg | ein Hund rennt durch den Park | ein "
                  "Fußballspiel im Regen | eine Oma strickt am Fenster | Regen auf den Dächern | ein Segelboot auf "
                  "dem See | eine alte Bibliothek | ein Astronaut schwebt in der Raumstation"),
    "pt": _values("um gato dormindo no sol | um pão de queijo saindo do forno | um pôr do sol na praia | um trem "
                  "cruzando as montanhas | uma feira de frutas | um cachorro correndo no parque | um jogo de futebol "
                  "na chuva | uma avó tricotando perto da janela | chuva nos telhados de lisboa | um veleiro no mar | "
                  "uma biblioteca antiga | um astronauta flutuando na estação espacial"),
    "it": _values("un gatto che dorme al sole | una pizza che cuoce nel forno a legna | un tramonto sul mare | "
                  "un treno che attraversa le dolomiti | un mercato di frutta a palermo | un cane che corre nel "
                  "parco | una partita di calcio sotto la pioggia | una nonna che fa la maglia alla finestra | la "
                  "pioggia sui tetti di roma | una barca a vela | una vecchia biblioteca | un astronauta che "
                  "fluttua nella stazione spaziale"),
}
