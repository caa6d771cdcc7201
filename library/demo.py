"""Demo data: a small library of published materials, two featured collections, two partner pages.

Every material is attributed to one of the founding contributors (contributors/demo.py), so that
loader must run first. Like every demo loader this one is idempotent: rows are found by their
natural keys (a material's or a page's slug, a collection's title among the demo curator's
collections, an item's collection and material) and written only where their data differ, so a
second run writes nothing. Ten materials are files on the platform: they are copied from
demo_files/ into the default storage only while the material has no stored file yet.

Most materials are links; their addresses are on example.org, because the titles are plausible
examples, not publications of the organisations they are attributed to.

The loader adds and updates; it never deletes.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import magic
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from alliance.core.models import Topic
from alliance.core.upsert import upsert
from contributors.models import Organisation
from library.models import Collection, CollectionItem, LibraryPage, Material

FILES_DIR = Path(__file__).resolve().parent / "demo_files"
CURATOR_EMAIL = "library-curator@alliance.example"

T = Material.Type

# Founding contributors, by the name contributors/demo.py gives them.
AI_ACADEMY_ASIA = "AI Academy Asia"
AI_COMMONS = "AI Commons"
AI_GOVERNANCE = "AI Governance Ltd"
ALTRUISTIC = "Altruistic"
AWS = "Amazon Web Services (AWS)"
BLACK_WOMEN_IN_AI = "Black Women in AI"
BREAKTHROUGH = "Breakthrough"
CIT = "CIT Coding Academy"
CODING_AND_MORE = "Coding and more"
COGNIZANT = "Cognizant"
EAC = "East African Community"
EQUITABLY = "equitably.ai"
EXPONENTIAL = "Exponential Coaching International"
FAIR_FORWARD = "FAIR Forward"
FRONTLINE = "Frontline Associates"
GENEVA_HRP = "Geneva Human Rights Platform"
JA = "JA Worldwide"
LADY_JUSTICE = "Lady Justice"
MICROSOFT = "Microsoft"
OPENUK = "OpenUK"
SHEAI = "SheAI"
SSF = "Swiss Sustainable Finance"
TBI = "Tony Blair Institute for Global Change"
UNDP = "United Nations Development Programme (UNDP)"
UNITAR = "United Nations Institute for Training and Research (UNITAR)"
USTTI = "United States Telecommunications Training Institute (USTTI)"
YOUTH_FOR_PRIVACY = "Youth for Privacy"

GEN_AI = "generative-ai"
ML = "machine-learning"
SDG = "ai-for-sustainable-development"
GOV = "ai-governance-and-ethics"
DATA = "data-and-digital-skills"


@dataclass(frozen=True)
class MaterialData:
    slug: str
    title: str
    description: str
    organisation: str
    type: str
    topic: str
    language: str
    level: str
    year: int
    authors: str  # separated by ASCII commas, as Material.author_list() expects
    published: str  # ISO date the material appeared in the library (midday UTC)
    views: int
    downloads: int
    audiences: tuple[str, ...] = ("learners",)  # keys of Material.AUDIENCES
    accessibility: tuple[str, ...] = ()  # keys of Material.ACCESSIBILITY
    licence: str = "CC-BY-4.0"
    file: str = ""  # a file in demo_files/; without one the material is a link
    minutes: int | None = None

    @property
    def url(self) -> str:
        if self.file:
            return ""
        return f"https://example.org/{slugify(self.organisation)}/{self.slug}"


M = MaterialData

MATERIALS = [
    # --- Files on the platform --------------------------------------------------------------
    M(
        slug="generative-ai-primer-for-policymakers",
        title="Generative AI: a primer for policymakers",
        description="What generative AI is, how large language models produce text, where they can help public services and what can go wrong. Ends with five policy levers and five questions to ask before a public service adopts a generative AI tool.",
        organisation=UNDP,
        type=T.DOCUMENT,
        topic=GEN_AI,
        language="en",
        level="beginner",
        year=2024,
        authors="Amina Diallo, Jonas Weber",
        published="2025-02-11",
        views=4820,
        downloads=1930,
        audiences=("policymakers",),
        accessibility=("screen-reader-pdf",),
        file="generative-ai-primer-for-policymakers.pdf",
    ),
    M(
        slug="glossaire-ia-administration-publique",
        title="Glossaire de l'IA pour l'administration publique",
        description="Dix-huit termes de l'intelligence artificielle que les agents publics rencontrent dans leurs projets, de « biais algorithmique » à « surapprentissage », définis en une ou deux phrases simples.",
        organisation=UNITAR,
        type=T.DOCUMENT,
        topic=GOV,
        language="fr",
        level="beginner",
        year=2023,
        authors="Claire Fontaine, Moussa Traoré",
        published="2025-03-04",
        views=2140,
        downloads=880,
        audiences=("policymakers", "learners"),
        file="glossaire-ia-administration-publique.pdf",
    ),
    M(
        slug="introduction-to-responsible-ai-slides",
        title="Introduction to responsible AI — slide deck",
        description="Seven slides for a first session on responsible AI: why it matters, the principles most frameworks share, what to check at each stage of the AI life cycle, practical tools and a ten-minute discussion exercise.",
        organisation=EQUITABLY,
        type=T.SLIDES,
        topic=GOV,
        language="en",
        level="beginner",
        year=2024,
        authors="Priya Raman",
        published="2025-03-19",
        views=3310,
        downloads=1450,
        audiences=("educators", "learners"),
        file="introduction-to-responsible-ai-slides.pdf",
    ),
    M(
        slug="machine-learning-workflow-in-one-slide",
        title="The machine learning workflow in one slide",
        description="A single slide showing the five steps of a machine learning project, from framing the question to monitoring a deployed model, and why the cycle repeats. The image carries a full text description.",
        organisation=CIT,
        type=T.SLIDES,
        topic=ML,
        language="en",
        level="beginner",
        year=2025,
        authors="Kwame Mensah",
        published="2025-09-08",
        views=1260,
        downloads=610,
        audiences=("educators", "learners"),
        file="machine-learning-workflow.svg",
    ),
    M(
        slug="synthetic-household-survey-data-literacy",
        title="Synthetic household survey for data-literacy exercises",
        description="240 invented households with phone ownership, internet access, mobile money use and distance to school, by region and settlement type. A few values are missing on purpose, so learners can practise cleaning data before they analyse it.",
        organisation=AI_COMMONS,
        type=T.DATASET,
        topic=DATA,
        language="en",
        level="beginner",
        year=2024,
        authors="Lucía Ortega, Samuel Otieno",
        published="2025-04-22",
        views=1780,
        downloads=1120,
        audiences=("learners", "educators"),
        licence="CC0-1.0",
        file="synthetic-household-survey.csv",
    ),
    M(
        slug="first-classifier-k-nearest-neighbours",
        title="Your first classifier: k-nearest neighbours from scratch",
        description="A Jupyter notebook that builds a k-nearest-neighbours classifier in plain Python, with no library to install: split the data, scale the features, classify by vote and measure accuracy, then try the exercises.",
        organisation=AI_ACADEMY_ASIA,
        type=T.NOTEBOOK,
        topic=ML,
        language="en",
        level="beginner",
        year=2024,
        authors="Mei Lin Tan, Arjun Mehta",
        published="2025-05-06",
        views=2950,
        downloads=1640,
        audiences=("learners", "developers"),
        licence="MIT",
        file="first-classifier-k-nearest-neighbours.ipynb",
    ),
    M(
        slug="listening-to-rainfall-sonified-dataset",
        title="Listening to rainfall: a sonified dataset",
        description="Twelve months of illustrative rainfall turned into sound: the wetter the month, the higher the tone, so the long and short rainy seasons can be heard. A short example of sonification, which makes data trends accessible to people who cannot see a chart.",
        organisation=CODING_AND_MORE,
        type=T.AUDIO,
        topic=DATA,
        language="en",
        level="beginner",
        year=2025,
        authors="Nadia Haddad",
        published="2025-10-02",
        views=640,
        downloads=290,
        audiences=("learners", "educators"),
        file="listening-to-rainfall.wav",
    ),
    M(
        slug="your-data-your-rules-podcast-transcript",
        title="Your data, your rules: podcast episode transcript",
        description="The full transcript of a conversation between two young privacy advocates about app permissions, thinking before sharing, the right to see the data an organisation holds about you, and where AI comes in.",
        organisation=YOUTH_FOR_PRIVACY,
        type=T.DOCUMENT,
        topic=GOV,
        language="en",
        level="beginner",
        year=2025,
        authors="Lina Petrova, Tomás Álvarez",
        published="2025-06-17",
        views=910,
        downloads=350,
        accessibility=("transcript", "easy-read"),
        file="youth-privacy-podcast-transcript.md",
    ),
    M(
        slug="datasheet-template-african-language-speech-data",
        title="Datasheet template for African language speech data",
        description='A fill-in template for documenting speech datasets in African languages: languages and varieties, speakers and their pay, consent, recording conditions, transcription conventions, splits and intended uses. Builds on the "Datasheets for Datasets" approach.',
        organisation=FAIR_FORWARD,
        type=T.DOCUMENT,
        topic=DATA,
        language="en",
        level="intermediate",
        year=2023,
        authors="Wanjiru Kamau, Felix Bauer",
        published="2025-02-25",
        views=1530,
        downloads=970,
        audiences=("developers", "policymakers"),
        file="datasheet-template-african-language-speech-data.md",
    ),
    M(
        slug="teaching-ai-basics-course-pack",
        title="Teaching AI basics: a course pack for secondary schools",
        description="Four ready-to-teach lessons of 45 minutes for students aged 13 to 16: what AI is, how machines learn from examples, AI in everyday apps, and AI and fairness. Three of the four lessons need no computer.",
        organisation=JA,
        type=T.COURSE_PACK,
        topic=ML,
        language="en",
        level="beginner",
        year=2024,
        authors="Grace Adeyemi, Daniel Brooks",
        published="2025-01-28",
        views=3870,
        downloads=2210,
        audiences=("educators",),
        file="teaching-ai-basics-course-pack.zip",
        minutes=180,
    ),
    # --- Links: English ---------------------------------------------------------------------
    M(
        slug="generative-ai-for-everyday-work-video-series",
        title="Generative AI for everyday work: video series",
        description="Eight short videos on using AI assistants for writing, summarising and planning at work, with tips on checking answers and protecting confidential information.",
        organisation=MICROSOFT,
        type=T.VIDEO,
        topic=GEN_AI,
        language="en",
        level="beginner",
        year=2024,
        authors="Sarah Collins, Diego Fernández",
        published="2025-02-04",
        views=9120,
        downloads=0,
        accessibility=("captions", "transcript"),
        minutes=48,
    ),
    M(
        slug="prompt-engineering-for-developers-labs",
        title="Prompt engineering for developers: hands-on labs",
        description="Six labs on writing prompts for applications rather than chats: structured output, few-shot examples, evaluation sets and defences against prompt injection.",
        organisation=AWS,
        type=T.COURSE_PACK,
        topic=GEN_AI,
        language="en",
        level="intermediate",
        year=2024,
        authors="Rahul Iyer, Emma Schultz",
        published="2025-04-01",
        views=5430,
        downloads=2380,
        audiences=("developers",),
        licence="Apache-2.0",
        minutes=240,
    ),
    M(
        slug="retrieval-augmented-generation-notebook",
        title="Building a retrieval-augmented generation application",
        description="A notebook that grounds a language model's answers in your own documents: split and embed the texts, retrieve the relevant passages, cite them in the answer and measure how often the answer is supported.",
        organisation=AWS,
        type=T.NOTEBOOK,
        topic=GEN_AI,
        language="en",
        level="advanced",
        year=2025,
        authors="Rahul Iyer",
        published="2025-08-12",
        views=2670,
        downloads=1310,
        audiences=("developers",),
        licence="Apache-2.0",
    ),
    M(
        slug="machine-learning-foundations-lectures",
        title="Machine learning foundations: lecture series",
        description="Twelve recorded lectures covering supervised and unsupervised learning, linear models, decision trees, neural networks and model evaluation, with worked examples.",
        organisation=CIT,
        type=T.VIDEO,
        topic=ML,
        language="en",
        level="intermediate",
        year=2022,
        authors="Kwame Mensah, Aoife Byrne",
        published="2025-01-14",
        views=7350,
        downloads=0,
        audiences=("learners", "developers"),
        accessibility=("captions", "transcript"),
        minutes=540,
    ),
    M(
        slug="ai-readiness-self-assessment-for-governments",
        title="AI readiness self-assessment for governments",
        description="A structured questionnaire for ministries to review their data, skills, infrastructure, procurement and governance before scaling AI, with a scoring guide and examples of next steps for each level.",
        organisation=TBI,
        type=T.DOCUMENT,
        topic=GOV,
        language="en",
        level="intermediate",
        year=2023,
        authors="Oliver Grant, Fatima Bello",
        published="2025-03-11",
        views=3980,
        downloads=1760,
        audiences=("policymakers",),
        accessibility=("screen-reader-pdf",),
    ),
    M(
        slug="human-rights-impact-assessment-of-ai",
        title="Human rights impact assessment of AI systems: a practical guide",
        description="How to assess an AI system's effects on privacy, equality, freedom of expression and access to remedy, step by step, with a worked example of a public-benefits eligibility tool.",
        organisation=GENEVA_HRP,
        type=T.DOCUMENT,
        topic=GOV,
        language="en",
        level="advanced",
        year=2022,
        authors="Élodie Martin, Kofi Asante",
        published="2025-01-21",
        views=2890,
        downloads=1340,
        audiences=("policymakers",),
        accessibility=("screen-reader-pdf",),
        licence="CC-BY-NC-4.0",
    ),
    M(
        slug="algorithmic-bias-explained-webinar",
        title="Algorithmic bias explained: webinar recording",
        description="A one-hour webinar on how bias enters AI systems through data, design and deployment, with examples from hiring, health and face recognition, followed by questions from participants.",
        organisation=BLACK_WOMEN_IN_AI,
        type=T.VIDEO,
        topic=GOV,
        language="en",
        level="beginner",
        year=2023,
        authors="Adaeze Okafor, Maya Johnson",
        published="2025-02-18",
        views=4410,
        downloads=0,
        audiences=("learners", "educators"),
        accessibility=("captions", "transcript", "audio-description"),
        minutes=62,
    ),
    M(
        slug="starting-a-career-in-ai-guide-for-women",
        title="Starting a career in AI: a guide for women and girls",
        description="Routes into AI jobs with and without a degree, the skills employers ask for, free places to learn them, and how to find a mentor and a community.",
        organisation=SHEAI,
        type=T.DOCUMENT,
        topic=DATA,
        language="en",
        level="beginner",
        year=2025,
        authors="Zanele Dlamini, Hana Yusuf",
        published="2025-07-08",
        views=2230,
        downloads=940,
        accessibility=("easy-read",),
    ),
    M(
        slug="online-safety-and-ai-facilitators-guide",
        title="Online safety in the age of AI: a facilitator's guide for youth groups",
        description="Session plans for youth workers on recognising manipulated images and voices, responding to online harassment and supporting peers, with discussion cards and safeguarding notes.",
        organisation=BREAKTHROUGH,
        type=T.COURSE_PACK,
        topic=DATA,
        language="en",
        level="beginner",
        year=2024,
        authors="Ritu Sharma, Jamal Carter",
        published="2025-05-27",
        views=1470,
        downloads=720,
        audiences=("educators",),
        licence="CC-BY-NC-SA-4.0",
        minutes=150,
    ),
    M(
        slug="ai-in-the-courtroom-for-judges-and-lawyers",
        title="AI in the courtroom: what judges and lawyers should know",
        description="An overview of AI tools used in legal research, case management and evidence, their known failures, and the questions courts should ask about reliability, disclosure and due process.",
        organisation=LADY_JUSTICE,
        type=T.DOCUMENT,
        topic=GOV,
        language="en",
        level="intermediate",
        year=2024,
        authors="Ngozi Eze, Laura Bianchi",
        published="2025-06-03",
        views=1650,
        downloads=690,
        audiences=("policymakers",),
    ),
    M(
        slug="open-source-ai-licences-explained",
        title="Open source AI: licences explained",
        description='A slide deck on what "open" can mean for an AI model (code, weights, training data) and how common licences and model licences differ in what they allow.',
        organisation=OPENUK,
        type=T.SLIDES,
        topic=GOV,
        language="en",
        level="intermediate",
        year=2024,
        authors="Tom Walsh",
        published="2025-04-15",
        views=2080,
        downloads=1050,
        audiences=("developers", "policymakers"),
        licence="CC-BY-SA-4.0",
    ),
    M(
        slug="ai-governance-framework-template",
        title="AI governance framework template for organisations",
        description="An editable template setting out roles, an inventory of AI systems, risk tiers, approval steps, monitoring and incident handling, for organisations writing their first AI policy.",
        organisation=AI_GOVERNANCE,
        type=T.DOCUMENT,
        topic=GOV,
        language="en",
        level="intermediate",
        year=2025,
        authors="Hannah Clarke",
        published="2025-08-26",
        views=2560,
        downloads=1480,
        audiences=("policymakers",),
        licence="CC-BY-ND-4.0",
    ),
    M(
        slug="ai-incident-databases-guide",
        title="AI incident databases: where to look and what to learn",
        description="A guided list of public collections of AI failures and harms, with advice on reading incident reports and using them in risk assessments.",
        organisation=AI_GOVERNANCE,
        type=T.WEB_LINK,
        topic=GOV,
        language="en",
        level="intermediate",
        year=2024,
        authors="Hannah Clarke",
        published="2025-09-23",
        views=870,
        downloads=0,
        audiences=("policymakers", "developers"),
    ),
    M(
        slug="designing-ai-projects-for-social-impact",
        title="Designing AI projects for social impact",
        description="A workbook for non-profits: choose a problem where AI genuinely helps, check the data you have, involve the people affected, and plan how to measure impact and stop if it does harm.",
        organisation=ALTRUISTIC,
        type=T.DOCUMENT,
        topic=SDG,
        language="en",
        level="beginner",
        year=2023,
        authors="Marta Kowalska, Ibrahim Sesay",
        published="2025-03-25",
        views=1390,
        downloads=610,
        audiences=("learners", "policymakers"),
    ),
    M(
        slug="data-quality-checklist-for-ml",
        title="Data quality checklist for machine learning projects",
        description="Forty checks on completeness, consistency, labelling, leakage and representativeness to run before training a model, each with a short explanation and an example.",
        organisation=COGNIZANT,
        type=T.DOCUMENT,
        topic=DATA,
        language="en",
        level="intermediate",
        year=2023,
        authors="Anil Kumar, Sophie Laurent",
        published="2025-05-13",
        views=3120,
        downloads=1870,
        audiences=("developers",),
    ),
    M(
        slug="digital-skills-for-east-african-public-servants",
        title="Digital skills for East African public servants",
        description="A self-paced course pack on working with data, spreadsheets, online collaboration and cyber hygiene, with examples from public administrations in the region.",
        organisation=EAC,
        type=T.COURSE_PACK,
        topic=DATA,
        language="en",
        level="beginner",
        year=2024,
        authors="Joseph Mwangi, Aisha Nakato",
        published="2025-02-04",
        views=2740,
        downloads=1290,
        audiences=("policymakers", "learners"),
        accessibility=("easy-read",),
        minutes=300,
    ),
    M(
        slug="ai-in-agriculture-east-africa-case-studies",
        title="AI in agriculture: case studies from East Africa",
        description="Six case studies of AI used for crop disease detection, weather advice and market prices for smallholder farmers, with what worked, what did not and what it cost.",
        organisation=EAC,
        type=T.DOCUMENT,
        topic=SDG,
        language="en",
        level="intermediate",
        year=2023,
        authors="Aisha Nakato, Peter Habimana",
        published="2025-06-24",
        views=1960,
        downloads=830,
        audiences=("policymakers",),
    ),
    M(
        slug="leading-through-ai-change-podcast",
        title="Leading through AI change: a coaching podcast",
        description="Conversations with managers about introducing AI tools in their teams: listening to concerns, redesigning roles, setting rules of use and keeping people's skills growing.",
        organisation=EXPONENTIAL,
        type=T.AUDIO,
        topic=GEN_AI,
        language="en",
        level="beginner",
        year=2024,
        authors="Rebecca Moore",
        published="2025-07-15",
        views=820,
        downloads=410,
        audiences=("learners",),
        accessibility=("transcript",),
        minutes=35,
    ),
    M(
        slug="using-ai-safely-in-humanitarian-operations",
        title="Using AI safely in humanitarian operations",
        description="Slides for field staff on where AI tools can help (translation, needs assessments, logistics) and the extra care they need with data about people in crisis.",
        organisation=FRONTLINE,
        type=T.SLIDES,
        topic=SDG,
        language="en",
        level="beginner",
        year=2025,
        authors="Yasmin Farouk, Henrik Larsen",
        published="2025-10-14",
        views=540,
        downloads=260,
        audiences=("learners", "policymakers"),
    ),
    M(
        slug="ai-and-the-future-of-work-career-guide",
        title="AI and the future of work: a career exploration guide for students",
        description="Activities that help students explore how AI is changing jobs they know, which skills stay valuable and how to plan their next steps in learning.",
        organisation=JA,
        type=T.DOCUMENT,
        topic=DATA,
        language="en",
        level="beginner",
        year=2023,
        authors="Daniel Brooks",
        published="2025-03-04",
        views=2310,
        downloads=1020,
        audiences=("learners", "educators"),
        accessibility=("easy-read",),
    ),
    M(
        slug="ai-and-connectivity-for-regulators",
        title="AI, spectrum and connectivity: a training module for regulators",
        description="Slides on how AI is used in network planning and spectrum management, and the regulatory questions it raises for telecommunications authorities.",
        organisation=USTTI,
        type=T.SLIDES,
        topic=GOV,
        language="en",
        level="advanced",
        year=2022,
        authors="Michael Reyes",
        published="2025-04-08",
        views=760,
        downloads=380,
        audiences=("policymakers",),
        licence="CC-BY-NC-ND-4.0",
    ),
    M(
        slug="ai-ethics-for-diplomats",
        title="AI ethics for diplomats: an e-learning module",
        description="Short interactive lessons on the ethical questions AI raises in international relations, from information integrity to autonomous systems, and how they are discussed at the United Nations.",
        organisation=UNITAR,
        type=T.COURSE_PACK,
        topic=GOV,
        language="en",
        level="intermediate",
        year=2023,
        authors="Claire Fontaine",
        published="2025-05-20",
        views=1840,
        downloads=760,
        audiences=("policymakers",),
        accessibility=("captions",),
        minutes=90,
    ),
    M(
        slug="what-is-ai-international-sign",
        title="What is AI? Explained in International Sign",
        description="A six-minute introduction to artificial intelligence presented in International Sign, with English captions and a voice-over.",
        organisation=UNDP,
        type=T.VIDEO,
        topic=ML,
        language="en",
        level="beginner",
        year=2023,
        authors="Amina Diallo",
        published="2025-01-07",
        views=1370,
        downloads=0,
        accessibility=("captions", "sign-language", "transcript"),
        minutes=6,
    ),
    M(
        slug="intro-to-machine-learning-with-python-notebooks",
        title="Introduction to machine learning with Python: notebook series",
        description="Five notebooks that take you from loading a table of data to training, tuning and explaining a model, with exercises and solutions.",
        organisation=MICROSOFT,
        type=T.NOTEBOOK,
        topic=ML,
        language="en",
        level="intermediate",
        year=2023,
        authors="Diego Fernández",
        published="2025-02-25",
        views=6210,
        downloads=3050,
        audiences=("developers", "learners"),
        licence="MIT",
    ),
    M(
        slug="open-datasets-for-ai-global-south",
        title="Open datasets for AI in the Global South",
        description="A curated, regularly updated list of openly licensed datasets on agriculture, health, languages and climate from Africa, Asia and Latin America, with notes on their licences and gaps.",
        organisation=AI_COMMONS,
        type=T.WEB_LINK,
        topic=DATA,
        language="en",
        level="intermediate",
        year=2022,
        authors="Samuel Otieno",
        published="2025-01-14",
        views=3640,
        downloads=0,
        audiences=("developers",),
    ),
    M(
        slug="speech-recognition-low-resource-language-notebook",
        title="Training a speech recogniser for a low-resource language",
        description="A notebook that fine-tunes a multilingual speech model on a few hours of transcribed recordings, and shows how to measure word error rate per speaker group.",
        organisation=FAIR_FORWARD,
        type=T.NOTEBOOK,
        topic=ML,
        language="en",
        level="advanced",
        year=2023,
        authors="Felix Bauer, Wanjiru Kamau",
        published="2025-06-10",
        views=1180,
        downloads=640,
        audiences=("developers",),
        licence="Apache-2.0",
    ),
    M(
        slug="generative-ai-for-small-businesses",
        title="Generative AI for small businesses: video course",
        description="Practical videos on using AI tools for marketing texts, customer replies and bookkeeping in a small business, and on what not to share with them.",
        organisation=AI_ACADEMY_ASIA,
        type=T.VIDEO,
        topic=GEN_AI,
        language="en",
        level="beginner",
        year=2024,
        authors="Mei Lin Tan",
        published="2025-07-29",
        views=3450,
        downloads=0,
        accessibility=("captions",),
        minutes=75,
    ),
    M(
        slug="ai-and-sustainable-finance-briefing",
        title="AI and sustainable finance: a briefing for finance professionals",
        description="How AI is used to assess climate and ESG risks in portfolios, the limits of the underlying data, and questions to ask providers of AI-based ratings.",
        organisation=SSF,
        type=T.DOCUMENT,
        topic=SDG,
        language="en",
        level="advanced",
        year=2024,
        authors="Lukas Meier, Chiara Rossi",
        published="2025-09-16",
        views=980,
        downloads=450,
        audiences=("policymakers",),
        accessibility=("screen-reader-pdf",),
    ),
    M(
        slug="fairness-metrics-cheat-sheet",
        title="Fairness metrics cheat sheet",
        description="Demographic parity, equalised odds, predictive parity and calibration on one page: what each measures, when to use it and why they cannot all be satisfied at once.",
        organisation=EQUITABLY,
        type=T.DOCUMENT,
        topic=ML,
        language="en",
        level="advanced",
        year=2023,
        authors="Priya Raman",
        published="2025-04-29",
        views=2780,
        downloads=1590,
        audiences=("developers",),
    ),
    M(
        slug="synthetic-loan-applications-fairness-audit",
        title="Synthetic loan applications for fairness auditing",
        description="Fifty thousand generated loan applications with a model's decisions and the applicants' age band, gender and region, built so that approval rates differ between groups. For practising fairness audits without exposing real people's data.",
        organisation=EQUITABLY,
        type=T.DATASET,
        topic=ML,
        language="en",
        level="intermediate",
        year=2024,
        authors="Priya Raman, Tom Walsh",
        published="2025-07-08",
        views=1290,
        downloads=830,
        audiences=("developers", "educators"),
        licence="CC0-1.0",
    ),
    M(
        slug="ai-skills-needs-of-non-profits-survey-data",
        title="AI skills needs of non-profit organisations: anonymised survey responses",
        description="Answers from staff of non-profit organisations about how they use AI, the skills they lack and the training they would take, with the questionnaire and a codebook.",
        organisation=ALTRUISTIC,
        type=T.DATASET,
        topic=DATA,
        language="en",
        level="beginner",
        year=2024,
        authors="Marta Kowalska",
        published="2025-05-20",
        views=560,
        downloads=240,
        audiences=("policymakers", "developers"),
    ),
    M(
        slug="your-data-your-rules-podcast",
        title="Your data, your rules: podcast episode",
        description="Two young privacy advocates talk about free apps, app permissions, the right to see your data and AI trained on what we post. A full transcript is in the library.",
        organisation=YOUTH_FOR_PRIVACY,
        type=T.AUDIO,
        topic=GOV,
        language="en",
        level="beginner",
        year=2025,
        authors="Lina Petrova, Tomás Álvarez",
        published="2025-06-17",
        views=1240,
        downloads=520,
        accessibility=("transcript",),
        minutes=14,
    ),
    # --- Links: French ----------------------------------------------------------------------
    M(
        slug="comprendre-ia-generative-enseignants",
        title="Comprendre l'IA générative : guide pour les enseignants",
        description="Ce guide explique simplement le fonctionnement des outils d'IA générative et propose des pistes pour les utiliser en classe, préparer des cours et parler avec les élèves de leurs limites.",
        organisation=CODING_AND_MORE,
        type=T.DOCUMENT,
        topic=GEN_AI,
        language="fr",
        level="beginner",
        year=2024,
        authors="Sophie Lambert",
        published="2025-03-18",
        views=1890,
        downloads=840,
        audiences=("educators",),
    ),
    M(
        slug="ethique-ia-droits-humains-webinaire",
        title="Éthique de l'IA et droits humains : webinaire",
        description="Enregistrement d'un webinaire sur les effets des systèmes d'IA sur la vie privée, la non-discrimination et la liberté d'expression, et sur les obligations des États et des entreprises.",
        organisation=GENEVA_HRP,
        type=T.VIDEO,
        topic=GOV,
        language="fr",
        level="intermediate",
        year=2023,
        authors="Élodie Martin",
        published="2025-04-08",
        views=1120,
        downloads=0,
        audiences=("policymakers", "learners"),
        accessibility=("captions",),
        minutes=75,
    ),
    M(
        slug="ia-agriculture-durable-afrique-ouest",
        title="L'IA au service de l'agriculture durable en Afrique de l'Ouest",
        description="Une étude de cas sur l'usage de l'IA pour conseiller les petits exploitants sur la météo, les maladies des cultures et la gestion de l'eau, avec les conditions de réussite et les risques.",
        organisation=UNDP,
        type=T.DOCUMENT,
        topic=SDG,
        language="fr",
        level="intermediate",
        year=2022,
        authors="Moussa Traoré, Awa Ndiaye",
        published="2025-05-06",
        views=870,
        downloads=390,
        audiences=("policymakers",),
    ),
    M(
        slug="initiation-apprentissage-automatique-python",
        title="Initiation à l'apprentissage automatique avec Python",
        description="Une série de carnets Jupyter pour découvrir la régression, la classification et l'évaluation d'un modèle, pas à pas et avec des exercices corrigés.",
        organisation=CIT,
        type=T.NOTEBOOK,
        topic=ML,
        language="fr",
        level="beginner",
        year=2022,
        authors="Julien Moreau",
        published="2025-06-24",
        views=1560,
        downloads=920,
        audiences=("learners", "developers"),
        licence="MIT",
    ),
    # --- Links: Spanish ---------------------------------------------------------------------
    M(
        slug="guia-aprendizaje-automatico-docentes",
        title="Guía de aprendizaje automático para docentes",
        description="Una guía para explicar en el aula cómo aprenden las máquinas a partir de ejemplos, con actividades sin computadora y propuestas para hablar de sesgos y privacidad.",
        organisation=JA,
        type=T.DOCUMENT,
        topic=ML,
        language="es",
        level="beginner",
        year=2023,
        authors="Carmen Rodríguez, Luis Herrera",
        published="2025-02-18",
        views=2460,
        downloads=1180,
        audiences=("educators",),
    ),
    M(
        slug="ia-generativa-en-el-aula-actividades",
        title="IA generativa en el aula: actividades prácticas",
        description="Doce actividades para que el alumnado use herramientas de IA generativa de forma crítica: comparar respuestas, detectar errores y citar las fuentes.",
        organisation=CODING_AND_MORE,
        type=T.COURSE_PACK,
        topic=GEN_AI,
        language="es",
        level="beginner",
        year=2025,
        authors="Lucía Ortega",
        published="2025-08-05",
        views=1330,
        downloads=710,
        audiences=("educators", "learners"),
        minutes=240,
    ),
    M(
        slug="introduccion-ciencia-de-datos-video",
        title="Introducción a la ciencia de datos: curso en video",
        description="Diez videos sobre cómo recoger, limpiar, analizar y visualizar datos, con ejemplos de salud pública y educación.",
        organisation=AWS,
        type=T.VIDEO,
        topic=DATA,
        language="es",
        level="beginner",
        year=2022,
        authors="Andrés Gómez",
        published="2025-03-25",
        views=2870,
        downloads=0,
        accessibility=("captions", "transcript"),
        minutes=110,
    ),
    M(
        slug="gobernanza-ia-america-latina",
        title="Gobernanza de la IA en América Latina: panorama de políticas",
        description="Un resumen de las estrategias nacionales de IA, los proyectos de ley y las iniciativas de ética de la región, con preguntas para orientar nuevas políticas públicas.",
        organisation=UNDP,
        type=T.DOCUMENT,
        topic=GOV,
        language="es",
        level="intermediate",
        year=2024,
        authors="Valentina Cruz, Diego Fernández",
        published="2025-07-01",
        views=1940,
        downloads=880,
        audiences=("policymakers",),
        accessibility=("screen-reader-pdf",),
    ),
    M(
        slug="privacidad-datos-jovenes-lectura-facil",
        title="Privacidad de datos para jóvenes: guía de lectura fácil",
        description="Qué son los datos personales, quién los recoge y cómo protegerlos, explicado con frases cortas e ilustraciones.",
        organisation=YOUTH_FOR_PRIVACY,
        type=T.DOCUMENT,
        topic=DATA,
        language="es",
        level="beginner",
        year=2025,
        authors="Tomás Álvarez",
        published="2025-09-09",
        views=690,
        downloads=330,
        accessibility=("easy-read",),
    ),
    # --- Links: Arabic ----------------------------------------------------------------------
    M(
        slug="ai-basics-for-teachers-arabic",
        title="أساسيات الذكاء الاصطناعي للمعلمين",
        description="حقيبة تدريبية تشرح للمعلمين مفاهيم الذكاء الاصطناعي الأساسية، وتقدم أنشطة صفية بسيطة لتعريف الطلاب بكيفية تعلم الآلات من الأمثلة.",
        organisation=JA,
        type=T.COURSE_PACK,
        topic=ML,
        language="ar",
        level="beginner",
        year=2024,
        authors="ليلى حداد, عمر الخطيب",
        published="2025-04-15",
        views=1720,
        downloads=860,
        audiences=("educators",),
        minutes=120,
    ),
    M(
        slug="introduction-to-machine-learning-arabic-videos",
        title="مقدمة في التعلم الآلي: سلسلة فيديو",
        description="سلسلة من المحاضرات المصورة تشرح التعلم الخاضع للإشراف وغير الخاضع للإشراف وتقييم النماذج، مع ترجمة نصية باللغة العربية.",
        organisation=AWS,
        type=T.VIDEO,
        topic=ML,
        language="ar",
        level="intermediate",
        year=2023,
        authors="يوسف منصور",
        published="2025-05-27",
        views=2150,
        downloads=0,
        audiences=("learners", "developers"),
        accessibility=("captions",),
        minutes=180,
    ),
    M(
        slug="ai-ethics-in-the-public-sector-arabic",
        title="أخلاقيات الذكاء الاصطناعي في القطاع العام",
        description="دليل لصناع القرار حول المبادئ الأخلاقية لاستخدام الذكاء الاصطناعي في الخدمات الحكومية، مثل الشفافية والمساءلة وحماية البيانات الشخصية.",
        organisation=UNDP,
        type=T.DOCUMENT,
        topic=GOV,
        language="ar",
        level="intermediate",
        year=2024,
        authors="سارة العلي",
        published="2025-08-19",
        views=1080,
        downloads=470,
        audiences=("policymakers",),
    ),
    M(
        slug="arabic-ai-learning-resources-directory",
        title="دليل موارد تعلم الذكاء الاصطناعي باللغة العربية",
        description="قائمة منظمة بالدورات والكتب ومجموعات البيانات المتاحة مجانًا باللغة العربية لتعلم الذكاء الاصطناعي وعلوم البيانات.",
        organisation=AI_COMMONS,
        type=T.WEB_LINK,
        topic=DATA,
        language="ar",
        level="beginner",
        year=2025,
        authors="نور الهدى بن علي",
        published="2025-10-21",
        views=580,
        downloads=0,
    ),
    # --- Links: Chinese ---------------------------------------------------------------------
    M(
        slug="ai-and-sdgs-case-studies-chinese",
        title="人工智能与可持续发展目标案例集",
        description="本案例集介绍人工智能在农业、医疗、教育和气候行动中支持可持续发展目标的实践，并分析每个项目的成效、风险与经验。",
        organisation=AI_ACADEMY_ASIA,
        type=T.DOCUMENT,
        topic=SDG,
        language="zh-hans",
        level="intermediate",
        year=2023,
        authors="王丽, 陈志强",
        published="2025-03-11",
        views=1630,
        downloads=720,
        audiences=("policymakers", "learners"),
    ),
    M(
        slug="generative-ai-introduction-video-chinese",
        title="生成式人工智能入门：视频课程",
        description="通过一系列短视频，了解生成式人工智能的基本原理、常见应用以及使用时需要注意的准确性和隐私问题。",
        organisation=MICROSOFT,
        type=T.VIDEO,
        topic=GEN_AI,
        language="zh-hans",
        level="beginner",
        year=2024,
        authors="李明",
        published="2025-06-03",
        views=3260,
        downloads=0,
        accessibility=("captions",),
        minutes=55,
    ),
    M(
        slug="first-machine-learning-model-python-chinese",
        title="机器学习实践：用Python构建第一个模型",
        description="这个Jupyter笔记本带你一步步完成数据加载、模型训练和评估，适合有基础Python知识的学习者。",
        organisation=AI_ACADEMY_ASIA,
        type=T.NOTEBOOK,
        topic=ML,
        language="zh-hans",
        level="beginner",
        year=2025,
        authors="陈志强",
        published="2025-09-30",
        views=940,
        downloads=510,
        audiences=("learners", "developers"),
        licence="MIT",
    ),
    # --- Links: Russian ---------------------------------------------------------------------
    M(
        slug="ai-ethics-short-course-russian",
        title="Этика ИИ: краткий курс",
        description="Пять коротких модулей о справедливости, прозрачности, подотчётности и защите данных при разработке и использовании систем искусственного интеллекта.",
        organisation=UNITAR,
        type=T.COURSE_PACK,
        topic=GOV,
        language="ru",
        level="beginner",
        year=2023,
        authors="Анна Смирнова",
        published="2025-04-22",
        views=1410,
        downloads=650,
        audiences=("learners", "policymakers"),
        minutes=120,
    ),
    M(
        slug="machine-learning-basics-lectures-russian",
        title="Основы машинного обучения: видеолекции",
        description="Цикл лекций о линейных моделях, деревьях решений и нейронных сетях с практическими примерами на Python и субтитрами на русском языке.",
        organisation=COGNIZANT,
        type=T.VIDEO,
        topic=ML,
        language="ru",
        level="intermediate",
        year=2021,
        authors="Дмитрий Иванов",
        published="2025-01-28",
        views=2590,
        downloads=0,
        audiences=("learners", "developers"),
        accessibility=("captions",),
        minutes=420,
    ),
    M(
        slug="ai-in-public-administration-guide-russian",
        title="ИИ в государственном управлении: руководство для госслужащих",
        description="Практическое руководство о том, как выбирать задачи для ИИ, готовить данные, проводить закупки и оценивать риски при внедрении ИИ в государственных услугах.",
        organisation=TBI,
        type=T.DOCUMENT,
        topic=GOV,
        language="ru",
        level="intermediate",
        year=2024,
        authors="Ольга Кузнецова",
        published="2025-07-22",
        views=870,
        downloads=380,
        audiences=("policymakers",),
    ),
]


@dataclass(frozen=True)
class CollectionData:
    title: str
    description: str
    organisation: str
    items: list[tuple[str, str]]  # (material slug, note), in order


COLLECTIONS = [
    CollectionData(
        title="Starter kit for AI policy in the public sector",
        description="Six materials for officials who are new to AI policy: what generative AI is, the words you will meet, and the tools to assess readiness, risks and rights.",
        organisation=UNDP,
        items=[
            (
                "generative-ai-primer-for-policymakers",
                "Start here: a two-page overview of the technology, its risks and the levers governments hold.",
            ),
            (
                "glossaire-ia-administration-publique",
                "For French-speaking teams: the key terms in one or two sentences each.",
            ),
            (
                "ai-readiness-self-assessment-for-governments",
                "Use it with your ministry's leadership to decide where to begin.",
            ),
            (
                "human-rights-impact-assessment-of-ai",
                "Before a system affects people's access to services, assess its effect on their rights.",
            ),
            (
                "ai-ethics-in-the-public-sector-arabic",
                "The same principles, written for Arabic-speaking decision makers.",
            ),
            (
                "ai-governance-framework-template",
                "When you are ready to write rules for your own organisation.",
            ),
        ],
    ),
    CollectionData(
        title="Teaching AI in any classroom",
        description="Ready-to-use lessons, slides and exercises for teachers, in several languages, most of which need no special equipment.",
        organisation=UNITAR,
        items=[
            (
                "teaching-ai-basics-course-pack",
                "Four complete lessons; three of them need no computer.",
            ),
            (
                "introduction-to-responsible-ai-slides",
                "Seven slides and a discussion exercise for a first session on responsible AI.",
            ),
            (
                "guia-aprendizaje-automatico-docentes",
                "The same ideas for Spanish-speaking classrooms.",
            ),
            ("ai-basics-for-teachers-arabic", "For Arabic-speaking teachers."),
            (
                "first-classifier-k-nearest-neighbours",
                "For older students who can read a little Python.",
            ),
        ],
    ),
]


@dataclass(frozen=True)
class PageData:
    slug: str
    organisation: str
    title: str
    introduction: str
    filters: dict
    collection: str  # a title in COLLECTIONS


PAGES = [
    PageData(
        slug="east-african-policymakers",
        organisation=EAC,
        title="For East African policymakers",
        introduction="Material selected for ministers, members of parliament and civil servants in the Partner States of the East African Community who shape how artificial intelligence is used and governed. Start with the featured collection, then browse everything written for policymakers.",
        filters={"audience": ["policymakers"]},
        collection="Starter kit for AI policy in the public sector",
    ),
    PageData(
        slug="unitar-training-the-trainers",
        organisation=UNITAR,
        title="Training the trainers",
        introduction="Lessons, slides and course packs for teachers and trainers who introduce AI to others, in the six official languages of the United Nations wherever they exist.",
        filters={"audience": ["educators"]},
        collection="Teaching AI in any classroom",
    ),
]


# --- Loading -------------------------------------------------------------------------------------


def _organisations() -> dict[str, Organisation]:
    names = {m.organisation for m in MATERIALS} | {c.organisation for c in COLLECTIONS}
    names |= {p.organisation for p in PAGES}
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=[slugify(n) for n in names])}
    missing = sorted(n for n in names if slugify(n) not in found)
    if missing:
        raise LookupError(
            f"No organisation {missing[0]!r}: load the founding contributors (contributors.demo) "
            "first."
        )
    return {name: found[slugify(name)] for name in names}


def _published_at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=12, tzinfo=dt.UTC)


def _file_values(material: Material | None, filename: str) -> dict:
    """The file, type and size to give a material that has no stored file yet; else nothing.

    A file already in the storage under the name the field would give it, with the same content
    (say, from a previous load into a database since reset), is reused rather than copied again.
    """
    if material is not None and material.file and material.file.storage.exists(material.file.name):
        return {}
    field = Material._meta.get_field("file")
    storage = field.storage
    data = (FILES_DIR / filename).read_bytes()
    name = field.generate_filename(material, filename)
    reusable = False
    if storage.exists(name) and storage.size(name) == len(data):
        with storage.open(name, "rb") as stored:
            reusable = stored.read() == data
    if not reusable:
        name = storage.save(name, ContentFile(data))
    return {
        "file": name,
        "mime_type": magic.from_buffer(data, mime=True),
        "size_bytes": len(data),
    }


def _load_material(data: MaterialData, topics: dict, organisations: dict) -> Material:
    values = {
        "title": data.title,
        "description": data.description,
        "authors": data.authors,
        "organisation": organisations[data.organisation],
        "material_type": data.type,
        "topic": topics[data.topic],
        "language": data.language,
        "level": data.level,
        "licence": data.licence,
        "publication_year": data.year,
        "url": data.url,
        "duration_minutes": data.minutes,
        "status": Material.Status.PUBLISHED,
        "published_at": _published_at(data.published),
        "view_count": data.views,
        "download_count": data.downloads,
    }
    for key, (field_name, _label) in Material.AUDIENCES.items():
        values[field_name] = key in data.audiences
    for key, (field_name, _label) in Material.ACCESSIBILITY.items():
        values[field_name] = key in data.accessibility
    if data.file:
        existing = Material.objects.filter(slug=data.slug).first()
        values.update(_file_values(existing, data.file))
    return upsert(Material, {"slug": data.slug}, values)


def _curator():
    """The owner of the featured collections: the demo staff account if there is one."""
    User = get_user_model()
    staff = User.objects.filter(email__iexact=settings.DEMO_STAFF_EMAIL).first()
    if staff is not None:
        return staff
    curator = User.objects.filter(email=CURATOR_EMAIL).first()
    if curator is None:
        curator = User.objects.create_user(
            email=CURATOR_EMAIL, password=None, is_active=False, display_name="Library curator"
        )
    return curator


def _load_collection(data: CollectionData, owner, organisations, materials) -> Collection:
    # `make setup` loads the demo before `make run` creates the staff account, so a collection
    # may belong to the curator account while the staff account now exists: find it either way.
    collection = (
        Collection.objects.filter(title=data.title, owner__email__in=[owner.email, CURATOR_EMAIL])
        .order_by("pk")
        .first()
    )
    collection = upsert(
        Collection,
        {"pk": collection.pk} if collection else {"title": data.title, "owner": owner},
        {
            "description": data.description,
            "organisation": organisations[data.organisation],
            "is_public": True,
            "is_featured": True,
        },
    )
    for order, (slug, note) in enumerate(data.items, start=1):
        upsert(
            CollectionItem,
            {"collection": collection, "material": materials[slug]},
            {"order": order, "note": note},
        )
    return collection


@transaction.atomic
def load() -> int:
    """Create or refresh the demo library; returns the number of materials."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    missing = sorted({m.topic for m in MATERIALS} - topics.keys())
    if missing:
        raise LookupError(f"No topic {missing[0]!r}: load the topics first.")
    organisations = _organisations()
    materials = {m.slug: _load_material(m, topics, organisations) for m in MATERIALS}
    owner = _curator()
    collections = {
        c.title: _load_collection(c, owner, organisations, materials) for c in COLLECTIONS
    }
    for page in PAGES:
        upsert(
            LibraryPage,
            {"slug": page.slug},
            {
                "organisation": organisations[page.organisation],
                "title": page.title,
                "introduction": page.introduction,
                "filters": page.filters,
                "collection": collections[page.collection],
                "is_published": True,
            },
        )
    return len(materials)
