"""Write the demo library's files into this folder; library/demo.py attaches them to materials.

The files are committed, so the loader needs none of this. Run it only to change a file:

    .venv/bin/python library/demo_files/make_files.py

Each output is deterministic except the PDFs, which WeasyPrint stamps with the time they were
made. Text, data and tones are written here rather than drawn from anywhere: the survey and the
rainfall figures are invented for teaching, and say so.
"""

import io
import json
import math
import random
import struct
import textwrap
import wave
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOOTER = "Alliance library · AI Skills Coalition · CC BY 4.0"


def dedent(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


# --- PDFs ----------------------------------------------------------------------------------------

PAGE_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm;
        @bottom-center { content: "FOOTER · " counter(page); font: 8pt 'DejaVu Sans';
                         color: #555; } }
body { font: 10.5pt/1.45 'DejaVu Sans', sans-serif; color: #1a1a1a; }
h1 { font-size: 20pt; color: #1B3A6B; margin: 0 0 4mm; }
h2 { font-size: 13pt; color: #1B3A6B; margin: 6mm 0 2mm; }
p.lead { font-size: 12pt; }
dt { font-weight: bold; margin-top: 2.5mm; color: #1B3A6B; }
dd { margin: 0.5mm 0 0 6mm; }
li { margin-bottom: 1mm; }
""".replace("FOOTER", FOOTER)

PRIMER_HTML = """
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Generative AI: a primer for policymakers</title>
<meta name="author" content="Amina Diallo, Jonas Weber">
<meta name="description" content="What generative AI is, what it can do for public services,
its main risks and the policy levers available to governments.">
<style>%(css)s</style></head>
<body>
<main>
<h1>Generative AI: a primer for policymakers</h1>
<p class="lead">Generative AI systems produce new text, images, audio or code in response to
an instruction written in everyday language, the <em>prompt</em>. This primer explains how they
work, where they can help public services, what can go wrong, and which levers governments hold.</p>

<h2>How it works, in three sentences</h2>
<p>A generative model is trained on very large collections of examples to learn the statistical
patterns in them. A large language model, for instance, learns to predict the next piece of text
(a <em>token</em>) from the ones before it, and writes an answer one token at a time. It does not
look facts up: it produces what is likely, which is often right and sometimes confidently
wrong.</p>

<h2>Where it can help public services</h2>
<ul>
<li>Drafting and summarising documents, correspondence and consultation responses.</li>
<li>Translating information into more languages and into plain language.</li>
<li>Answering routine questions from the public, with a person to turn to.</li>
<li>Helping staff write and review software and data analyses.</li>
</ul>

<h2>What can go wrong</h2>
<ul>
<li><strong>Fabrication.</strong> Fluent answers can contain invented facts, figures or
references.</li>
<li><strong>Bias.</strong> Patterns in the training data, including stereotypes, are
reproduced.</li>
<li><strong>Privacy and confidentiality.</strong> Personal or sensitive data typed into a
service may be stored or used to train future models.</li>
<li><strong>Security.</strong> Instructions hidden in documents or web pages can steer a model
(<em>prompt injection</em>).</li>
<li><strong>Information integrity.</strong> Realistic synthetic images, voices and videos make
deception cheaper.</li>
<li><strong>Cost and concentration.</strong> Training and running large models uses much
energy and computing power, held by few providers.</li>
</ul>

<h2>Policy levers</h2>
<ol>
<li>Risk-based rules: stricter duties where a system affects rights, safety or access to
services.</li>
<li>Public procurement: require documentation, testing, data protection and exit terms.</li>
<li>Transparency: tell people when they deal with an AI system and label synthetic media.</li>
<li>Enforce existing law: data protection, consumer protection, copyright and
non-discrimination already apply.</li>
<li>Invest in skills, local-language data and shared computing, so that benefits are not
limited to a few countries and languages.</li>
</ol>

<h2>Five questions before a public service uses generative AI</h2>
<ol>
<li>What problem does it solve, and how will we know it works?</li>
<li>Which data will it see, and where are they processed and stored?</li>
<li>Who checks its output before it reaches the public?</li>
<li>How can people challenge a decision or reach a human being?</li>
<li>What happens if the provider changes the model, the price or the terms?</li>
</ol>
</main>
</body></html>
"""

GLOSSAIRE_TERMS = [
    (
        "Algorithme",
        "Suite finie d'instructions permettant de résoudre un problème ou d'accomplir une tâche.",
    ),
    (
        "Analyse d'impact relative à la protection des données (AIPD)",
        "Évaluation préalable des risques qu'un traitement de données personnelles fait peser "
        "sur les droits et libertés des personnes, et des mesures pour les réduire.",
    ),
    (
        "Apprentissage automatique",
        "Branche de l'IA dans laquelle un système apprend à partir d'exemples plutôt qu'à partir "
        "de règles écrites à la main.",
    ),
    (
        "Apprentissage profond",
        "Apprentissage automatique fondé sur des réseaux de neurones comportant de nombreuses "
        "couches.",
    ),
    (
        "Biais algorithmique",
        "Écart systématique dans les résultats d'un système, au détriment de certains groupes, "
        "souvent hérité des données d'entraînement.",
    ),
    (
        "Contrôle humain",
        "Capacité d'une personne compétente à surveiller un système d'IA, à en interpréter les "
        "résultats et à les corriger ou à les écarter.",
    ),
    (
        "Données d'entraînement",
        "Exemples à partir desquels un modèle apprend ; leur qualité et leur représentativité "
        "déterminent en grande partie celles du modèle.",
    ),
    (
        "Explicabilité",
        "Capacité à rendre compréhensibles, pour les personnes concernées, les raisons d'un "
        "résultat produit par un système d'IA.",
    ),
    (
        "Grand modèle de langage",
        "Modèle entraîné sur de très grands volumes de textes pour prédire la suite d'un texte ; "
        "il sert de base aux assistants conversationnels.",
    ),
    (
        "Hallucination",
        "Réponse fluide et plausible, mais fausse ou inventée, produite par un modèle génératif.",
    ),
    (
        "IA générative",
        "Systèmes d'IA qui produisent de nouveaux contenus (textes, images, sons, code) à partir "
        "d'une consigne.",
    ),
    ("Inférence", "Utilisation d'un modèle déjà entraîné pour produire un résultat."),
    (
        "Jeu de données",
        "Ensemble structuré de données réunies pour un usage donné, accompagné idéalement d'une "
        "documentation sur son origine et ses limites.",
    ),
    (
        "Modèle de fondation",
        "Grand modèle entraîné sur des données variées, que l'on adapte ensuite à de nombreuses "
        "tâches.",
    ),
    (
        "Requête (prompt)",
        "Consigne rédigée en langage courant qui indique à un modèle génératif ce qu'il doit "
        "produire.",
    ),
    (
        "Réseau de neurones",
        "Modèle composé de couches d'unités de calcul reliées entre elles, dont les poids sont "
        "ajustés pendant l'apprentissage.",
    ),
    (
        "Surapprentissage",
        "Situation où un modèle reproduit trop fidèlement ses exemples d'entraînement et se "
        "généralise mal à de nouvelles données.",
    ),
    (
        "Traitement automatique des langues",
        "Domaine de l'IA qui permet aux machines d'analyser, de traduire ou de produire du "
        "langage humain.",
    ),
]

GLOSSAIRE_HTML = """
<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Glossaire de l'IA pour l'administration publique</title>
<style>%(css)s</style></head>
<body>
<h1>Glossaire de l'IA pour l'administration publique</h1>
<p class="lead">Dix-huit termes que les agents publics rencontrent dans les projets d'intelligence
artificielle, définis simplement.</p>
<dl>%(terms)s</dl>
</body></html>
"""

SLIDES_CSS = """
@page { size: 1280px 720px; margin: 0; }
body { font-family: 'DejaVu Sans', sans-serif; margin: 0; }
section { height: 720px; box-sizing: border-box; padding: 70px 90px; page-break-after: always;
          position: relative; color: #1a1a1a; }
section.title { background: #1B3A6B; color: white; padding-top: 230px; }
h1 { font-size: 58px; margin: 0 0 24px; }
h2 { font-size: 44px; color: #1B3A6B; margin: 0 0 36px; }
p, li { font-size: 28px; line-height: 1.45; }
footer { position: absolute; bottom: 28px; left: 90px; font-size: 16px; color: #666; }
section.title footer { color: #BFD7FF; }
"""

SLIDES = [
    (
        "title",
        "<h1>Introduction to responsible AI</h1><p>Principles and practices for building and "
        "using AI systems that people can trust</p>",
    ),
    (
        "",
        "<h2>Why it matters</h2><ul><li>AI systems now inform decisions about loans, jobs, health "
        "and public services.</li><li>Errors and bias can harm many people at once, and quietly."
        "</li><li>Trust is earned through evidence, not promises.</li></ul>",
    ),
    (
        "",
        "<h2>Common principles</h2><ul><li>Fairness and non-discrimination</li><li>Transparency "
        "and explainability</li><li>Privacy and security</li><li>Safety and reliability</li>"
        "<li>Accountability and human oversight</li><li>Inclusiveness</li></ul>",
    ),
    (
        "",
        "<h2>Across the life cycle</h2><ul><li><strong>Design:</strong> who is affected? "
        "Should AI be used at all?</li><li><strong>Data:</strong> consent, representativeness, "
        "documentation</li><li><strong>Model:</strong> test for errors by group, not only on "
        "average</li><li><strong>Deployment:</strong> monitoring, feedback and a way to "
        "appeal</li></ul>",
    ),
    (
        "",
        "<h2>Practical tools</h2><ul><li>Datasheets for datasets and model cards</li>"
        "<li>Algorithmic and data protection impact assessments</li><li>Red-teaming and "
        "adversarial testing</li><li>Incident reporting and audits</li></ul>",
    ),
    (
        "",
        "<h2>Exercise (10 minutes)</h2><p>Pick an AI system you used this week. Who built it? "
        "What data did it learn from? Who could it treat unfairly, and how would they find out? "
        "Share one answer with your neighbour.</p>",
    ),
    (
        "",
        "<h2>Key takeaways</h2><ul><li>Responsibility is a practice, not a checklist.</li>"
        "<li>Involve the people affected, early.</li><li>Measure, document and keep a human "
        "accountable.</li></ul>",
    ),
]


def write_pdfs() -> None:
    from weasyprint import HTML

    HTML(string=PRIMER_HTML % {"css": PAGE_CSS}).write_pdf(
        HERE / "generative-ai-primer-for-policymakers.pdf", pdf_variant="pdf/ua-1"
    )
    terms = "".join(f"<dt>{term}</dt><dd>{text}</dd>" for term, text in GLOSSAIRE_TERMS)
    HTML(string=GLOSSAIRE_HTML % {"css": PAGE_CSS, "terms": terms}).write_pdf(
        HERE / "glossaire-ia-administration-publique.pdf"
    )
    sections = "".join(
        f'<section class="{kind}">{body}<footer>{FOOTER}</footer></section>'
        for kind, body in SLIDES
    )
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Introduction to responsible AI</title><style>{SLIDES_CSS}</style></head>"
        f"<body>{sections}</body></html>"
    )
    HTML(string=html).write_pdf(HERE / "introduction-to-responsible-ai-slides.pdf")


# --- One-slide infographic (SVG) -----------------------------------------------------------------

WORKFLOW_STEPS = [
    ("1. Frame", "the question", "and its risks"),
    ("2. Collect", "and document", "the data"),
    ("3. Train", "a model on", "part of the data"),
    ("4. Evaluate", "on unseen data,", "for every group"),
    ("5. Deploy", "and monitor", "it in real use"),
]


def write_svg() -> None:
    boxes = []
    for index, (head, line1, line2) in enumerate(WORKFLOW_STEPS):
        x = 40 + index * 244
        boxes.append(
            f'<rect x="{x}" y="250" width="200" height="180" rx="14" fill="#E8F0FB" '
            f'stroke="#1B3A6B" stroke-width="3"/>'
            f'<text x="{x + 100}" y="305" class="head">{head}</text>'
            f'<text x="{x + 100}" y="350">{line1}</text>'
            f'<text x="{x + 100}" y="385">{line2}</text>'
        )
        if index < len(WORKFLOW_STEPS) - 1:
            boxes.append(
                f'<path d="M{x + 206} 340 h30" stroke="#1B3A6B" stroke-width="4" '
                f'marker-end="url(#arrow)"/>'
            )
    svg = f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720"
     role="img" aria-labelledby="title desc" lang="en">
  <title id="title">The machine learning workflow in one slide</title>
  <desc id="desc">Five steps from left to right: frame the question and its risks; collect and
  document the data; train a model on part of the data; evaluate it on unseen data, for every
  group; deploy it and monitor it in real use. A dashed arrow from the last step back to the
  first says that the cycle repeats.</desc>
  <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6"
            orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#1B3A6B"/></marker>
    <style>
      text {{ font-family: 'DejaVu Sans', sans-serif; font-size: 22px; fill: #1a1a1a;
              text-anchor: middle; }}
      .head {{ font-size: 27px; font-weight: bold; fill: #1B3A6B; }}
      .title {{ font-size: 48px; font-weight: bold; fill: #1B3A6B; text-anchor: start; }}
      .note {{ font-size: 22px; fill: #444; text-anchor: start; }}
    </style>
  </defs>
  <rect width="1280" height="720" fill="#ffffff"/>
  <text x="40" y="110" class="title">The machine learning workflow</text>
  <text x="40" y="160" class="note">A model is only as good as the data and the checks
around it.</text>
  {"".join(boxes)}
  <path d="M1116 440 v70 H140 v-70" fill="none" stroke="#1B3A6B" stroke-width="3"
        stroke-dasharray="10 8" marker-end="url(#arrow)"/>
  <text x="640" y="545">The cycle repeats: what you learn in use reframes the question.</text>
  <text x="40" y="690" class="note">{FOOTER}</text>
</svg>
"""
    (HERE / "machine-learning-workflow.svg").write_text(svg, encoding="utf-8")


# --- Dataset (CSV) -------------------------------------------------------------------------------


def write_csv() -> None:
    rng = random.Random(2024)
    regions = [("Capital", 0.95), ("Coast", 0.6), ("Highlands", 0.45), ("North", 0.3)]
    lines = [
        "household_id,region,settlement,household_size,head_gender,has_mobile_phone,"
        "has_smartphone,internet_at_home,mobile_data_mb_per_month,uses_mobile_money,"
        "distance_to_school_km"
    ]
    for number in range(1, 241):
        region, urban_share = regions[rng.randrange(len(regions))]
        urban = rng.random() < urban_share
        phone = rng.random() < (0.97 if urban else 0.82)
        smartphone = phone and rng.random() < (0.72 if urban else 0.41)
        internet = rng.random() < (0.38 if urban else 0.09)
        data_mb = round(rng.lognormvariate(7.2, 0.8)) if smartphone else 0
        money = phone and rng.random() < (0.8 if urban else 0.63)
        distance = round(rng.uniform(0.2, 2.5) if urban else rng.uniform(0.8, 9.5), 1)
        size = max(1, min(12, round(rng.gauss(4.6 if urban else 5.6, 1.9))))
        cells = [
            f"H{number:04d}",
            region,
            "urban" if urban else "rural",
            str(size),
            rng.choice(["female", "male", "male"]),
            "yes" if phone else "no",
            "yes" if smartphone else "no",
            "yes" if internet else "no",
            str(data_mb),
            "yes" if money else "no",
            str(distance),
        ]
        # A few blanks on purpose: cleaning them is part of the exercise.
        if rng.random() < 0.04:
            cells[rng.choice([3, 8, 10])] = ""
        lines.append(",".join(cells))
    (HERE / "synthetic-household-survey.csv").write_text("\n".join(lines) + "\n")


# --- Notebook (ipynb) ----------------------------------------------------------------------------

NOTEBOOK_CELLS = [
    (
        "markdown",
        """
        # Your first classifier: k-nearest neighbours from scratch

        A classifier learns to put things into categories from labelled examples. This notebook
        builds one of the simplest, **k-nearest neighbours**, in plain Python, with no library to
        install, so that every step is visible.

        You will: look at a small dataset, split it into training and test sets, classify a new
        example by asking its nearest neighbours, and measure the accuracy.
        """,
    ),
    (
        "markdown",
        """
        ## 1. The data

        Each fruit is described by two measurements: its weight in grams and a colour score from
        0 (green) to 10 (yellow). The values are invented for this exercise.
        """,
    ),
    (
        "code",
        """
        # (weight in grams, colour score, label)
        fruits = [
            (150, 2.0, "apple"),
            (170, 3.1, "apple"),
            (140, 1.5, "apple"),
            (160, 4.0, "apple"),
            (180, 2.6, "apple"),
            (155, 3.4, "apple"),
            (165, 1.8, "apple"),
            (145, 2.9, "apple"),
            (110, 8.5, "lemon"),
            (95, 9.1, "lemon"),
            (120, 7.8, "lemon"),
            (105, 8.9, "lemon"),
            (100, 9.5, "lemon"),
            (115, 7.2, "lemon"),
            (90, 8.1, "lemon"),
            (125, 8.7, "lemon"),
        ]
        len(fruits)
        """,
    ),
    (
        "markdown",
        """
        ## 2. Training and test sets

        We keep some examples aside to test the classifier on fruit it has never seen.
        Shuffling with a fixed seed makes the result the same every time you run it.
        """,
    ),
    (
        "code",
        """
        import random

        random.seed(1)
        shuffled = fruits[:]
        random.shuffle(shuffled)
        train, test = shuffled[:12], shuffled[12:]
        len(train), len(test)
        """,
    ),
    (
        "markdown",
        """
        ## 3. Distance and neighbours

        Weight is measured in tens of grams while colour goes from 0 to 10, so we first scale
        both to the same range; otherwise weight alone would decide.
        """,
    ),
    (
        "code",
        """
        import math
        from collections import Counter

        weights = [w for w, _, _ in fruits]
        low, high = min(weights), max(weights)


        def features(weight, colour):
            return ((weight - low) / (high - low), colour / 10)


        def distance(a, b):
            return math.dist(features(*a[:2]), features(*b[:2]))


        def classify(example, k=3):
            nearest = sorted(train, key=lambda known: distance(known, example))[:k]
            votes = Counter(label for _, _, label in nearest)
            return votes.most_common(1)[0][0]


        classify((130, 6.0, None))
        """,
    ),
    (
        "markdown",
        """
        ## 4. How good is it?

        Accuracy is the share of test examples the classifier gets right.
        """,
    ),
    (
        "code",
        """
        correct = sum(classify(fruit) == fruit[2] for fruit in test)
        print(f"Accuracy: {correct}/{len(test)} = {correct / len(test):.0%}")
        """,
    ),
    (
        "markdown",
        """
        ## Try it yourself

        1. Change `k` to 1 and to 5. Does the accuracy change? Why might it?
        2. Remove the scaling in `features()`. What happens to a heavy yellow fruit?
        3. With only 4 test examples, how much would you trust the accuracy figure?
        """,
    ),
]


def write_notebook() -> None:
    cells = []
    for index, (kind, source) in enumerate(NOTEBOOK_CELLS, start=1):
        cell = {
            "cell_type": kind,
            "id": f"cell-{index:02d}",
            "metadata": {},
            "source": dedent(source).rstrip("\n").splitlines(keepends=True),
        }
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (HERE / "first-classifier-k-nearest-neighbours.ipynb").write_text(
        json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


# --- Audio (WAV) ---------------------------------------------------------------------------------

# Illustrative monthly rainfall (mm) with the two rainy seasons of much of East Africa: the long
# rains (March to May) and the short rains (October to December). Invented, not measured.
RAINFALL_MM = [60, 70, 130, 210, 160, 45, 25, 30, 35, 90, 150, 95]


def write_wav() -> None:
    rate, note, gap = 8000, 0.34, 0.06
    frames = bytearray()
    for rainfall in RAINFALL_MM:
        # 0 mm sounds at 220 Hz (A3), 220 mm two octaves higher, on a logarithmic scale.
        frequency = 220 * 2 ** (2 * rainfall / 220)
        samples = int(rate * note)
        for i in range(samples):
            fade = min(1.0, i / 200, (samples - i) / 200)
            value = 0.45 * fade * math.sin(2 * math.pi * frequency * i / rate)
            frames += struct.pack("<h", int(value * 32767))
        frames += b"\x00\x00" * int(rate * gap)
    with wave.open(str(HERE / "listening-to-rainfall.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


# --- Text documents ------------------------------------------------------------------------------

TRANSCRIPT = """
# Your data, your rules: episode transcript

*A conversation between two young privacy advocates, Lina and Tomás, about the apps they use
every day. Running time about 14 minutes.*

**Lina:** Welcome back. Today's question came from a listener: "Is it true that free apps are
paid for with my data?" Tomás, is it?

**Tomás:** Often, yes. Many free apps earn money from advertising, and advertising works better
the more it knows about you: your location, what you watch, who you talk to. So the app has a
reason to collect as much as it can.

**Lina:** What can someone actually do about that, without deleting every app?

**Tomás:** Three things. First, check the permissions. A torch app does not need your contacts
or your location. On most phones you can open the settings, look at each app's permissions and
switch off what it doesn't need.

**Lina:** And second?

**Tomás:** Second, think before you share. Once a photo or a message is online, you no longer
control who copies it. A good test is: would I be fine if my teacher, my grandmother or a future
employer saw this?

**Lina:** And the third?

**Tomás:** Use your rights. In many countries a data protection law lets you ask an
organisation what data it holds about you, ask it to correct mistakes, and sometimes ask it to
delete them. It's called a right of access. You can usually send the request by e-mail.

**Lina:** Where does artificial intelligence come in?

**Tomás:** AI systems learn from data, and a lot of that data comes from people like us: posts,
photos, voices. That raises questions. Did we agree to it? Can the system guess things we never
said, like our health or our mood? And if it gets something wrong about us, who do we complain
to?

**Lina:** So privacy isn't about having something to hide.

**Tomás:** No. It's about deciding who knows what about you, and it protects other rights too:
to speak freely, to meet people, to be treated fairly.

**Lina:** Before we go, one thing listeners can do tonight?

**Tomás:** Open your phone settings, pick the three apps you use most and check their location
permission. Set it to "only while using the app", or off.

**Lina:** Thank you, Tomás. And thank you all for listening. Send us your questions for the
next episode.
"""

DATASHEET = """
# Datasheet template for African language speech data

Fill in this datasheet when you publish or share a speech dataset, so that others know what it
contains, how it was made and what it should and should not be used for. The sections follow
the "Datasheets for Datasets" approach (Gebru et al.), with questions added for speech
recordings and for languages that have little written data.

## 1. Motivation
- Why was the dataset created? Which task (speech recognition, text to speech, keyword spotting,
  language identification) did you have in mind?
- Who created it, and who funded the work?

## 2. Languages and varieties
- Languages, with their ISO 639-3 codes, and the dialects or regional varieties included.
- Writing system and spelling conventions used in the transcriptions; how code-switching
  between languages is marked.

## 3. Speakers
- How many speakers, and how they were recruited.
- Distribution by gender, age band and region, as far as speakers agreed to share it.
- Were speakers paid? How much, and how was the amount decided?

## 4. Consent
- What did speakers agree to, in which language, and how was consent recorded?
- Can a speaker withdraw? What happens to their recordings then?

## 5. Recording
- Devices, sampling rate, file format and recording environments (quiet room, street, market).
- Read speech, prompted answers or spontaneous conversation? Where do the prompts come from?

## 6. Transcription and labelling
- Who transcribed the audio, with what training and guidelines?
- How was quality checked (for example, a second transcriber on a sample)?

## 7. Composition
- Total hours, number of utterances, and the split into training, validation and test sets.
- Are speakers kept apart between the splits?
- Does the data contain personal information (names, places, phone numbers)? How was it
  handled?

## 8. Uses
- Tasks the dataset suits, and tasks it should not be used for.
- Known gaps: varieties, age groups or settings that are missing or under-represented.

## 9. Distribution and maintenance
- Licence, where the data can be downloaded, and any access conditions.
- Who maintains it, how to report an error, and how versions are numbered.
"""

COURSE_PACK = {
    "README.md": """
        # Teaching AI basics: a course pack for secondary schools

        Four lessons of about 45 minutes for students aged 13 to 16. No computer is required
        for lessons 1, 2 and 4; lesson 3 needs one device per group.

        | Lesson | Students will be able to |
        |--------|--------------------------|
        | 1. What is AI? | tell AI systems apart from ordinary programs |
        | 2. How machines learn | explain learning from examples with a sorting game |
        | 3. AI around us | find AI in apps they already use |
        | 4. AI and fairness | spot how biased examples lead to unfair results |

        Licence: CC BY 4.0. Adapt the examples to your students' lives and languages.
        """,
    "lesson-1-what-is-ai.md": """
        # Lesson 1: What is AI?

        **Starter (10 min).** Show five objects or apps: a calculator, a spam filter, a traffic
        light, a voice assistant, a photo app that recognises faces. Students vote: AI or not?

        **Explain (15 min).** An ordinary program follows rules written by a person. An AI system
        learns patterns from examples, then uses them on new cases.

        **Activity (15 min).** In pairs, students write one rule-based and one learned solution
        for the same task: sorting e-mails into "school" and "other".

        **Exit question (5 min).** Name one thing AI does well and one thing it cannot do.
        """,
    "lesson-2-how-machines-learn.md": """
        # Lesson 2: How machines learn

        **Sorting game (20 min).** Give each group 20 picture cards of animals. One student, the
        "machine", sees only the labelled cards and must guess the label of new cards by
        comparing them with the ones it has seen.

        **Discuss (15 min).** Which cards were hard? What would help the "machine" guess better:
        more cards, different cards, clearer labels?

        **Key idea (10 min).** Training data, test data and accuracy. A model can only learn
        what its examples show.
        """,
    "lesson-3-ai-around-us.md": """
        # Lesson 3: AI around us

        **Investigation (25 min).** Groups pick a familiar app (maps, music, translation, video)
        and answer: what does it predict or recommend? What data might it learn from? Who
        benefits?

        **Poster (15 min).** Each group makes a poster of their app's "data journey".

        **Share (5 min).** Gallery walk.
        """,
    "lesson-4-ai-and-fairness.md": """
        # Lesson 4: AI and fairness

        **Scenario (10 min).** A school uses an AI system to suggest which students join an
        advanced class. It learned from ten years of past decisions.

        **Discuss (20 min).** If past decisions favoured some groups, what will the system
        learn? How could the school check? Who should have the final say?

        **Write (15 min).** Each student writes three rules the school should follow before
        using such a system.
        """,
}


def write_text_files() -> None:
    (HERE / "youth-privacy-podcast-transcript.md").write_text(dedent(TRANSCRIPT))
    (HERE / "datasheet-template-african-language-speech-data.md").write_text(dedent(DATASHEET))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in COURSE_PACK.items():
            info = zipfile.ZipInfo(f"teaching-ai-basics/{name}", date_time=(2024, 9, 2, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, dedent(text))
    (HERE / "teaching-ai-basics-course-pack.zip").write_bytes(buffer.getvalue())


if __name__ == "__main__":
    write_pdfs()
    write_svg()
    write_csv()
    write_notebook()
    write_wav()
    write_text_files()
    for path in sorted(HERE.iterdir()):
        if path.suffix not in {".py", ""} and path.name != "README.md":
            print(f"{path.stat().st_size:>8}  {path.name}")
