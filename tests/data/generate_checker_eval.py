#!/usr/bin/env python3
"""Writes tests/data/checker_eval.csv: the labelled evaluation set of the text
checker (label 0 = acceptable on a school account, 1 = not acceptable).

Written by the inloco team: hand-written templates and one-off texts in school
contexts (official posts, parent comments, pupil messages), expanded with a
fixed seed so the file is the same on every run. Evasions (leetspeak,
separators, repeated letters, look-alike and invisible characters) are
generated from plain spellings; innocent look-alikes (place names and words
that contain offensive strings) are in the acceptable half.

Run: python3 tests/data/generate_checker_eval.py > tests/data/checker_eval.csv
"""
import csv
import random
import sys

rng = random.Random(20261121)

CLASSES = ["Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6", "Reception",
           "Oak class", "Willow class", "Rowan class", "Class 4B", "Nursery", "Year 9",
           "Year 11", "the choir", "the netball team", "the Eco Council", "our football squad"]
PLACES = ["Scunthorpe", "Penistone", "Cockburnspath", "Middlesex", "Sussex", "Essex",
          "Twatt in Orkney", "Cockermouth", "Clitheroe", "Wetwang", "Bitchfield",
          "Crapstone", "Lightwater", "Sheffield", "Whitby", "the Peak District",
          "the Natural History Museum", "Cockfosters", "Penistone Barn", "Scunthorpe museum",
          "Lower Slaughter", "Ramsbottom", "Brown Willy", "Pratts Bottom", "Great Snoring"]
ACTIVITIES = ["a brilliant trip", "a wonderful time", "a super day out", "a fantastic visit",
              "great fun", "a lovely afternoon", "an exciting workshop"]
GOOD_EVENTS = ["sports day", "the summer fair", "the Christmas concert", "parents' evening",
               "the spelling bee", "the science fair", "harvest festival", "World Book Day",
               "the Year 6 production", "the cake sale", "the sponsored walk", "open evening"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NAMES = ["Josh", "Amira", "Leo", "Sophie", "Kai", "Maya", "Tyler", "Grace", "Ibrahim", "Ella",
         "Noah", "Freya", "Zain", "Ruby", "Harvey", "Lily"]
STAFF = ["Mr Jones", "Mrs Patel", "Miss Clarke", "Mr Okafor", "Mrs Hughes", "the head",
         "the headteacher", "Mr Davies", "Ms Wright", "the new deputy head"]

INNOCENT_WORDS = [
    "Assessment week starts on {day}: please make sure {cls} get a good night's sleep.",
    "{cls} enjoyed a classic game of rounders in the sunshine.",
    "Our school therapist will be in on {day} for drop-in sessions.",
    "Well done to everyone who passed their swimming assessment this term!",
    "The assembly on {day} is about kindness and friendship.",
    "{cls} made fruit cocktail smoothies in food technology.",
    "We are reading A Christmas Carol by Charles Dickens this half term.",
    "{cls} are learning about Dick Whittington ahead of the pantomime.",
    "Spotted on our nature walk: a blue tit, two great tits and a woodpecker!",
    "Badminton club: bring your own shuttlecock if you have one.",
    "Please bring glasses cases, not loose glasses, on the trip.",
    "Our pantomime this year is Puss in Boots. Tickets on sale {day}.",
    "The Relationships and Sex Education evening for parents is on {day} at 6pm.",
    "Reminder: sex education lessons for Year 6 begin after half term; letters went home today.",
    "The children have been studying the cockpit of a real aeroplane at the museum.",
    "{cls} learnt how to build a bass guitar out of recycled materials.",
    "Arsenal Ladies coaches ran a football session for {cls} today.",
    "Thank you to the Hancock family for donating books to the library.",
    "Our Year 10 analysis of the river data was excellent.",
    "{cls} watched a cocker spaniel training demonstration.",
    "We saw a peacock and a cockerel at the city farm.",
    "Congratulations to our mathematicians on their specialist maths award.",
    "Look at the pussy willow we found on our spring walk!",
    "Our cucumbers in the school garden are nearly ready to pick.",
    "Please note the change of circumstances for {event}: it will now be indoors.",
    "{cls} have been learning about Homo sapiens and early humans.",
    "Our scrap metal sculpture is on display in the hall.",
    "Pupils snigger at the jokes in Horrid Henry every time!",
    "A small niggle with the lunch system has been fixed.",
    "{cls} are studying the document Magna Carta this week.",
    "Bring a packed lunch, a drink and a waterproof coat on {day}.",
    "We woke up early to see the sunrise on the residential trip!",
    "The Scunthorpe United community coaches visit on {day}.",
    "Mrs Cockburn's class won the attendance cup this week!",
    "Penistone Grammar School's choir joined us for the concert.",
    "Grass cutting will take place on the field on {day}.",
    "We hope to see all parents at the Mass for the end of term.",
    "The Dickensian Christmas fair raised over 900 pounds.",
    "Trumpet and cornet lessons start again next week.",
    "Our Great Snoring and Pratts Bottom partner schools visited today.",
    "Sir Walter Raleigh's voyages were the topic of our class debate.",
    "{cls} built a model of Offa's Dyke in history.",
    "We are collecting cassettes and old CDs for a music project.",
    "Our passport to reading scheme starts on {day}.",
    "The knitting club made hats for the Middlesex hospital baby unit.",
    "Well done to everyone who entered the Sussex schools cross-country!",
    "The title of this year's poetry competition is 'Home'.",
    "{cls} had a go at making butterfly wings from tissue paper.",
    "Could parents please label all jumpers and coats, thank you!",
    "Homework this week: practise your times tables and read every night.",
]

GOOD_POSTS = [
    "{cls} had {act} at {place} today. Thank you to all the parent helpers!",
    "What {act} {cls} had at {place}! Photos to follow.",
    "Reminder: {event} is on {day}. Doors open at 3:30pm.",
    "Thank you to everyone who came to {event}. We raised over {n} pounds for the library!",
    "Congratulations to {cls} for 100% attendance this week!",
    "{cls} performed beautifully at {event}. We are so proud of them.",
    "Please remember PE kits on {day}. Thank you.",
    "Our {event} has been moved to {day} because of the weather forecast.",
    "Good luck to {cls} in the tournament at {place} on {day}!",
    "Lunch menu for next week is now on the website.",
    "Well done to {cls} for their amazing art exhibition.",
    "The school will be closed on {day} for staff training.",
]
PARENT_OK = [
    "Thank you so much for organising {event}, the kids loved it xx",
    "What time does pick up finish on {day}?",
    "Will there be a coach back from {place}?",
    "Brilliant photos, thank you {staff} and all the staff!",
    "Is {event} still going ahead if it rains?",
    "Lovely to see {cls} having so much fun at {place}.",
    "Thanks for the update, see you on {day}.",
    "Well done everyone, such a great effort!",
    "Do we need to send a packed lunch for the trip to {place}?",
    "My daughter came home buzzing about {event}, thank you!",
]
PUPIL_OK = [
    "can u send me the maths homework pls",
    "good luck in the match tomorrow!!",
    "what page was the reading on?",
    "did anyone find a blue water bottle in the hall",
    "see you at {event} on {day}",
    "omg the trip to {place} was so good",
    "is football club on {day}?",
    "thanks for helping me with my science project",
    "who's going to {event}?",
    "I got a merit for my story today :)",
]

# ---- not acceptable ----
PROFANE = ["fuck", "shit", "bitch", "cunt", "bastard", "wanker", "twat", "dickhead", "arsehole",
           "bollocks", "prick", "tosser", "bellend"]
PROFANE_TEMPLATES = [
    "this trip was {w}ing awful",
    "what a {w} day at school",
    "{w} off {name}",
    "{name} is a {w}",
    "you absolute {w}",
    "{staff} can {w} off",
    "shut up you {w}",
    "omg {name} ur such a {w}",
    "this homework is {w}",
    "{cls} are a bunch of {w}s",
]


def leet(w):
    table = {"i": "1", "e": "3", "a": "4", "o": "0", "s": "$", "t": "7"}
    out = "".join(table.get(c, c) if rng.random() < 0.6 else c for c in w)
    return out if out != w else w[0] + "*" + w[2:]


def spaced(w):
    return rng.choice([".", " ", "-", "_", "*"]).join(w)


def repeated(w):
    i = rng.randrange(1, len(w))
    return w[:i] + w[i - 1] * rng.randint(3, 6) + w[i:]


def lookalike(w):
    table = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "c": "\u0441", "p": "\u0440",
             "x": "\u0445", "y": "\u0443", "i": "\u0456"}
    return "".join(table.get(c, c) for c in w)


def invisible(w):
    i = rng.randrange(1, len(w))
    return w[:i] + rng.choice(["\u200b", "\u200c", "\u00ad", "\u2060"]) + w[i:]


def fullwidth(w):
    return "".join(chr(ord(c) + 0xFEE0) if "a" <= c <= "z" else c for c in w)


def upper(w):
    return w.upper()


EVASIONS = [lambda w: w, leet, spaced, repeated, lookalike, invisible, fullwidth, upper]

BAD_ONE_OFFS = [
    # bullying and harassment
    "nobody likes you {name}, just leave",
    "kys {name}",
    "everyone hates you, go die",
    "ur so ugly no wonder u have no friends",
    "{name} you're fat and everyone knows it",
    "you can't sit with us {name}",
    "watch your back after school {name}",
    "snitches get stitches",
    "you're worthless, just kill yourself",
    "{name} is such a loser lol",
    "what a weirdo, nobody wants you here",
    "you are pathetic {name}",
    "i know where you live",
    "{name} ur dead tomorrow",
    # discriminatory
    "that's so gay",
    "{name} is such a retard",
    "go back to your country",
    "stop being a spaz",
    "he's a proper mong",
    "no fags allowed in our team",
    "shut up you paki",
    # sexual
    "send nudes {name}",
    "she's a slut",
    "{name} is so horny",
    "check out this porn site",
    "{name} sent sexting pics to everyone",
    "ur mum is a whore",
    # violent
    "i'll stab you after school",
    "gonna kill you {name}",
    "i'm going to beat you up at lunch",
    "someone should bomb the school",
    "i'll smash your face in",
    "bring a knife tomorrow",
    # drugs
    "who wants to buy weed after school",
    "{name} was smoking weed behind the sports hall",
    "my brother sells cocaine",
    # political
    "Vote Labour on Thursday - our schools depend on it!",
    "The Tories have wrecked school funding.",
    "Please sign the petition against the government's cuts.",
    "Support the strike: teachers deserve better than this government.",
    "Reform UK is the only party that will fix education.",
    "Our school stands with the Conservative Party on this.",
    "Remember to vote Green at the local elections!",
    "Brexit has been a disaster for our language exchange.",
    "Keir Starmer has let our schools down.",
    "Free Palestine! Join the protest on Saturday.",
    # personal opinions / derogatory about staff and the school
    "In my opinion {staff} should resign.",
    "I think the new uniform policy is ridiculous.",
    "{staff} is useless and should be sacked.",
    "Honestly the worst school in the county.",
    "{staff} is a liar, don't believe a word.",
    "I personally think {staff} doesn't care about our children.",
    "To be honest the school trip was a waste of money.",
    "{staff} is incompetent.",
    "What a joke of a parents' evening.",
    "Worst teacher ever, {staff} should be fired.",
    "I can't stand the new homework app, it's pathetic.",
    "IMO the head has no idea what goes on.",
    # confidential
    "Strictly confidential: the exclusion hearing is on {day}.",
    "{name} has been excluded for fighting, not for publication.",
    "{name} is on a child protection plan, keep it quiet.",
    # mild but unsuitable for an official account
    "This weather is crap, sports day is off.",
    "Bloody hell, what a week!",
    "Damn, we lost the match again.",
]

PERSONAL_DATA = [
    "Call {name}'s mum on 07700 900{n3}",
    "ring me on 0114 496 0{n3} if you find the coat",
    "Contact {name}'s dad on +44 7700 900{n3}",
    "Email me at {lname}.parent{n2}@example.com about the lift share",
    "send it to {lname}{n2}@gmail.com",
    "{name} lives at {n2} Acacia Avenue, come round after school",
    "The party is at {n2} Station Road",
    "We're at {n2} Mill Lane, S35 6GH",
    "{name}'s DOB is 12/03/2015",
    "Happy birthday {name}, born on 3rd May 2016!",
    "Date of birth: 21/07/2014",
    "Our address is {n2} Church Street, Sheffield S10 2TN",
    "Lost dog, please call 020 7946 0{n3}",
    "Pick up from {n2} Victoria Road at 8",
    "my number is 07911 123{n3} text me",
]

HARD_BAD = [
    # written to be hard: the checker is not expected to catch all of these
    "you're a waste of skin",
    "nobody would notice if you disappeared",
    "go jump off a bridge",
    "you smell, that's why no one sits with you",
    "ur mum",
    "everyone laughs at you behind your back",
    "fvck this",
    "sh!te day",
    "what the f",
    "eat my shorts you muppet",
    "the head is a complete clown",
    "this school is a dump",
]
HARD_GOOD = [
    # acceptable texts that are hard because they touch flagged subjects
    "Our online safety evening covers sexting, grooming and how to report it.",
    "Year 9 debated whether the voting age should be lowered to 16.",
    "The school council election results are in: well done to all candidates!",
    "Reminder that the school is a polling station on Thursday, so it will be closed.",
    "Anti-bullying week: we talked about what to do if someone says 'nobody likes you'.",
    "We learnt about the Gunpowder Plot and why they tried to blow up Parliament.",
    "History this week: the Battle of Hastings and how King Harold was killed.",
    "The drugs education workshop for Year 8 is on Wednesday.",
    "Our Year 6 play, Oliver!, has a pickpocket called the Artful Dodger.",
    "We are raising money for the knife crime awareness charity.",
]


def fill(t):
    return t.format(
        cls=rng.choice(CLASSES), place=rng.choice(PLACES), act=rng.choice(ACTIVITIES),
        event=rng.choice(GOOD_EVENTS), day=rng.choice(DAYS), n=rng.randint(200, 3000),
        name=rng.choice(NAMES), staff=rng.choice(STAFF), lname=rng.choice(NAMES).lower(),
        n2=rng.randint(2, 98), n3=f"{rng.randint(0, 999):03d}")


def main():
    rows = []
    # acceptable
    for t in INNOCENT_WORDS:
        for _ in range(4):
            rows.append((fill(t), 0))
    for _ in range(400):
        rows.append((fill(rng.choice(GOOD_POSTS)), 0))
    for _ in range(250):
        rows.append((fill(rng.choice(PARENT_OK)), 0))
    for _ in range(200):
        rows.append((fill(rng.choice(PUPIL_OK)), 0))
    for t in HARD_GOOD:
        rows.append((t, 0))
    # not acceptable
    for _ in range(420):
        w = rng.choice(PROFANE)
        t = rng.choice(PROFANE_TEMPLATES)
        if "{w}ing" in t and w not in ("fuck",):
            t = t.replace("{w}ing", "{w}")
        rows.append((fill(t.replace("{w}", rng.choice(EVASIONS)(w))), 1))
    for t in BAD_ONE_OFFS:
        for _ in range(3):
            rows.append((fill(t), 1))
    for t in PERSONAL_DATA:
        for _ in range(4):
            rows.append((fill(t), 1))
    for t in HARD_BAD:
        rows.append((t, 1))
    rng.shuffle(rows)
    seen = set()
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["text", "label"])
    for text, label in rows:
        if text in seen:
            continue
        seen.add(text)
        w.writerow([text, label])


if __name__ == "__main__":
    main()
