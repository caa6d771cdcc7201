"""Fill the library with synthetic published materials, to measure search at a realistic size.

    manage.py generate_library --count 100000 --seed 1 [--batch 5000]

Material number n of a seed is always the same (slug ``gen-<seed>-<n>``, drawn in order from
``random.Random(seed)``), so a second run finds the materials already there and adds only the
missing ones. Every material is a link on example.org; on PostgreSQL the insert trigger of
library/migrations/0002_search.py indexes each one for full-text search as it is written.
"""

import datetime as dt
import random
import time
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from alliance.core import topics as core_topics
from alliance.core.choices import Level
from alliance.core.models import Topic
from contributors import demo as contributors_demo
from contributors.models import Organisation
from library.models import Material

T = Material.Type

# --- Distributions -------------------------------------------------------------------------------

LANGUAGES = {"en": 50, "fr": 12, "es": 13, "ar": 8, "zh-hans": 9, "ru": 8}
TYPES = {
    T.WEB_LINK: 26,
    T.DOCUMENT: 24,
    T.VIDEO: 14,
    T.SLIDES: 10,
    T.COURSE_PACK: 7,
    T.NOTEBOOK: 7,
    T.DATASET: 6,
    T.AUDIO: 6,
}
TOPICS = {
    "generative-ai": 25,
    "machine-learning": 24,
    "ai-for-sustainable-development": 14,
    "ai-governance-and-ethics": 21,
    "data-and-digital-skills": 16,
}
LEVELS = {Level.BEGINNER: 50, Level.INTERMEDIATE: 35, Level.ADVANCED: 15}
YEARS = {2018: 2, 2019: 3, 2020: 4, 2021: 7, 2022: 10, 2023: 16, 2024: 25, 2025: 33}
LICENCES = {
    "CC-BY-4.0": 55,
    "CC-BY-SA-4.0": 11,
    "CC-BY-NC-4.0": 8,
    "CC-BY-NC-SA-4.0": 6,
    "CC-BY-ND-4.0": 2,
    "CC-BY-NC-ND-4.0": 3,
    "CC0-1.0": 4,
    "MIT": 4,
    "Apache-2.0": 3,
    "GPL-3.0-or-later": 1,
    "LicenseRef-All-Rights-Reserved": 3,
}
# Chance of each audience flag; a material with none is for learners.
AUDIENCE_ODDS = {"learners": 0.65, "educators": 0.25, "developers": 0.2, "policymakers": 0.2}
# Chance of each accessibility flag, by type.
ACCESSIBILITY_ODDS = {
    T.VIDEO: {
        "captions": 0.75,
        "transcript": 0.45,
        "audio-description": 0.1,
        "sign-language": 0.03,
    },
    T.AUDIO: {"transcript": 0.6},
    T.DOCUMENT: {"screen-reader-pdf": 0.3, "easy-read": 0.08},
    T.SLIDES: {"screen-reader-pdf": 0.1},
    T.COURSE_PACK: {"captions": 0.3, "easy-read": 0.05},
}
MINUTES = {T.VIDEO: (3, 240), T.AUDIO: (5, 90), T.COURSE_PACK: (60, 1200)}
LAST_PUBLICATION = dt.datetime(2026, 6, 30, tzinfo=dt.UTC)

# --- Words ---------------------------------------------------------------------------------------

# Per language and topic: (subject as a title starts, subject inside a sentence).
SUBJECTS = {
    "en": {
        "generative-ai": [
            ("Generative AI", "generative AI"),
            ("Large language models", "large language models"),
            ("Prompt design", "prompt design"),
            ("AI assistants at work", "AI assistants at work"),
            ("Image generation", "image generation"),
        ],
        "machine-learning": [
            ("Machine learning", "machine learning"),
            ("Neural networks", "neural networks"),
            ("Supervised learning", "supervised learning"),
            ("Model evaluation", "model evaluation"),
            ("Computer vision", "computer vision"),
        ],
        "ai-for-sustainable-development": [
            ("AI for climate action", "AI for climate action"),
            ("AI in agriculture", "AI in agriculture"),
            ("AI for health", "AI for health"),
            (
                "AI and the Sustainable Development Goals",
                "AI and the Sustainable Development Goals",
            ),
        ],
        "ai-governance-and-ethics": [
            ("AI governance", "AI governance"),
            ("AI ethics", "AI ethics"),
            ("Algorithmic fairness", "algorithmic fairness"),
            ("AI risk management", "AI risk management"),
            ("Data protection and AI", "data protection and AI"),
        ],
        "data-and-digital-skills": [
            ("Data literacy", "data literacy"),
            ("Data visualisation", "data visualisation"),
            ("Spreadsheets and data analysis", "spreadsheets and data analysis"),
            ("Digital skills", "digital skills"),
            ("Data cleaning", "data cleaning"),
        ],
    },
    "fr": {
        "generative-ai": [
            ("IA générative", "l'IA générative"),
            ("Rédaction de requêtes", "la rédaction de requêtes"),
            ("Génération d'images", "la génération d'images"),
            ("Assistance par l'IA au travail", "l'assistance par l'IA au travail"),
        ],
        "machine-learning": [
            ("Apprentissage automatique", "l'apprentissage automatique"),
            ("Apprentissage profond", "l'apprentissage profond"),
            ("Vision par ordinateur", "la vision par ordinateur"),
            ("Évaluation des modèles", "l'évaluation des modèles"),
        ],
        "ai-for-sustainable-development": [
            ("IA pour l'action climatique", "l'IA pour l'action climatique"),
            ("IA dans l'agriculture", "l'IA dans l'agriculture"),
            ("IA au service de la santé", "l'IA au service de la santé"),
            (
                "IA et objectifs de développement durable",
                "l'IA et les objectifs de développement durable",
            ),
        ],
        "ai-governance-and-ethics": [
            ("Gouvernance de l'IA", "la gouvernance de l'IA"),
            ("Éthique de l'IA", "l'éthique de l'IA"),
            ("Équité algorithmique", "l'équité algorithmique"),
            ("Gestion des risques liés à l'IA", "la gestion des risques liés à l'IA"),
            ("Protection des données", "la protection des données"),
        ],
        "data-and-digital-skills": [
            ("Culture des données", "la culture des données"),
            ("Visualisation de données", "la visualisation de données"),
            ("Analyse de données avec un tableur", "l'analyse de données avec un tableur"),
            ("Culture numérique", "la culture numérique"),
            ("Préparation des données", "la préparation des données"),
        ],
    },
    "es": {
        "generative-ai": [
            ("IA generativa", "la IA generativa"),
            ("Modelos de lenguaje", "los modelos de lenguaje"),
            ("Diseño de instrucciones", "el diseño de instrucciones"),
            ("Generación de imágenes", "la generación de imágenes"),
        ],
        "machine-learning": [
            ("Aprendizaje automático", "el aprendizaje automático"),
            ("Redes neuronales", "las redes neuronales"),
            ("Aprendizaje supervisado", "el aprendizaje supervisado"),
            ("Evaluación de modelos", "la evaluación de modelos"),
            ("Visión por computadora", "la visión por computadora"),
        ],
        "ai-for-sustainable-development": [
            ("IA para la acción climática", "la IA para la acción climática"),
            ("IA en la agricultura", "la IA en la agricultura"),
            ("IA para la salud", "la IA para la salud"),
            (
                "IA y Objetivos de Desarrollo Sostenible",
                "la IA y los Objetivos de Desarrollo Sostenible",
            ),
        ],
        "ai-governance-and-ethics": [
            ("Gobernanza de la IA", "la gobernanza de la IA"),
            ("Ética de la IA", "la ética de la IA"),
            ("Equidad algorítmica", "la equidad algorítmica"),
            ("Gestión de riesgos de la IA", "la gestión de riesgos de la IA"),
            ("Protección de datos", "la protección de datos"),
        ],
        "data-and-digital-skills": [
            ("Alfabetización de datos", "la alfabetización de datos"),
            ("Visualización de datos", "la visualización de datos"),
            ("Análisis de datos con hojas de cálculo", "el análisis de datos con hojas de cálculo"),
            ("Competencias digitales", "las competencias digitales"),
            ("Limpieza de datos", "la limpieza de datos"),
        ],
    },
    "ar": {
        "generative-ai": [
            ("الذكاء الاصطناعي التوليدي",) * 2,
            ("النماذج اللغوية الكبيرة",) * 2,
            ("هندسة الأوامر",) * 2,
            ("توليد الصور",) * 2,
        ],
        "machine-learning": [
            ("التعلم الآلي",) * 2,
            ("الشبكات العصبية",) * 2,
            ("التعلم الخاضع للإشراف",) * 2,
            ("تقييم النماذج",) * 2,
            ("الرؤية الحاسوبية",) * 2,
        ],
        "ai-for-sustainable-development": [
            ("الذكاء الاصطناعي من أجل العمل المناخي",) * 2,
            ("الذكاء الاصطناعي في الزراعة",) * 2,
            ("الذكاء الاصطناعي في الصحة",) * 2,
            ("الذكاء الاصطناعي وأهداف التنمية المستدامة",) * 2,
        ],
        "ai-governance-and-ethics": [
            ("حوكمة الذكاء الاصطناعي",) * 2,
            ("أخلاقيات الذكاء الاصطناعي",) * 2,
            ("العدالة الخوارزمية",) * 2,
            ("إدارة مخاطر الذكاء الاصطناعي",) * 2,
            ("حماية البيانات",) * 2,
        ],
        "data-and-digital-skills": [
            ("مهارات البيانات",) * 2,
            ("التمثيل المرئي للبيانات",) * 2,
            ("تحليل البيانات باستخدام جداول البيانات",) * 2,
            ("المهارات الرقمية",) * 2,
            ("تنظيف البيانات",) * 2,
        ],
    },
    "zh-hans": {
        "generative-ai": [
            ("生成式人工智能",) * 2,
            ("大语言模型",) * 2,
            ("提示词设计",) * 2,
            ("图像生成",) * 2,
        ],
        "machine-learning": [
            ("机器学习",) * 2,
            ("神经网络",) * 2,
            ("监督学习",) * 2,
            ("模型评估",) * 2,
            ("计算机视觉",) * 2,
        ],
        "ai-for-sustainable-development": [
            ("人工智能与气候行动",) * 2,
            ("人工智能在农业中的应用",) * 2,
            ("人工智能与医疗健康",) * 2,
            ("人工智能与可持续发展目标",) * 2,
        ],
        "ai-governance-and-ethics": [
            ("人工智能治理",) * 2,
            ("人工智能伦理",) * 2,
            ("算法公平性",) * 2,
            ("人工智能风险管理",) * 2,
            ("数据保护",) * 2,
        ],
        "data-and-digital-skills": [
            ("数据素养",) * 2,
            ("数据可视化",) * 2,
            ("用电子表格分析数据",) * 2,
            ("数字技能",) * 2,
            ("数据清洗",) * 2,
        ],
    },
    # Russian sentences quote the title form («…»), so no noun has to be declined.
    "ru": {
        "generative-ai": [
            ("Генеративный ИИ",) * 2,
            ("Большие языковые модели",) * 2,
            ("Составление промптов",) * 2,
            ("Генерация изображений",) * 2,
        ],
        "machine-learning": [
            ("Машинное обучение",) * 2,
            ("Нейронные сети",) * 2,
            ("Обучение с учителем",) * 2,
            ("Оценка качества моделей",) * 2,
            ("Компьютерное зрение",) * 2,
        ],
        "ai-for-sustainable-development": [
            ("ИИ в борьбе с изменением климата",) * 2,
            ("ИИ в сельском хозяйстве",) * 2,
            ("ИИ в здравоохранении",) * 2,
            ("ИИ и цели устойчивого развития",) * 2,
        ],
        "ai-governance-and-ethics": [
            ("Управление ИИ",) * 2,
            ("Этика ИИ",) * 2,
            ("Алгоритмическая справедливость",) * 2,
            ("Управление рисками ИИ",) * 2,
            ("Защита данных",) * 2,
        ],
        "data-and-digital-skills": [
            ("Грамотность в работе с данными",) * 2,
            ("Визуализация данных",) * 2,
            ("Анализ данных в электронных таблицах",) * 2,
            ("Цифровые навыки",) * 2,
            ("Очистка данных",) * 2,
        ],
    },
}

# Per language and type: what the material is, as the end of a title.
KINDS = {
    "en": {
        T.DOCUMENT: [
            "a practical guide",
            "a handbook",
            "an introduction",
            "key concepts",
            "a policy brief",
            "case studies",
            "lecture notes",
        ],
        T.SLIDES: ["slide deck", "workshop slides", "lecture slides"],
        T.VIDEO: ["video course", "webinar recording", "video lectures", "explainer video"],
        T.AUDIO: ["podcast episode", "audio lecture", "podcast series"],
        T.DATASET: ["a teaching dataset", "sample dataset", "open dataset"],
        T.NOTEBOOK: ["hands-on notebook", "Jupyter notebook", "notebook exercises"],
        T.COURSE_PACK: ["course pack", "training kit", "workshop materials"],
        T.WEB_LINK: ["online resource", "interactive tutorial", "resource list"],
    },
    "fr": {
        T.DOCUMENT: [
            "guide pratique",
            "manuel",
            "introduction",
            "notions clés",
            "note d'orientation",
            "études de cas",
        ],
        T.SLIDES: ["diaporama", "support de présentation"],
        T.VIDEO: ["cours en vidéo", "webinaire", "conférences filmées"],
        T.AUDIO: ["épisode de podcast", "cours audio"],
        T.DATASET: ["jeu de données pédagogique", "jeu de données ouvert"],
        T.NOTEBOOK: ["carnet Jupyter", "exercices pratiques en Python"],
        T.COURSE_PACK: ["kit de formation", "module de cours"],
        T.WEB_LINK: ["ressource en ligne", "tutoriel interactif"],
    },
    "es": {
        T.DOCUMENT: [
            "guía práctica",
            "manual",
            "introducción",
            "conceptos clave",
            "nota de políticas",
            "estudios de caso",
        ],
        T.SLIDES: ["presentación", "diapositivas del taller"],
        T.VIDEO: ["curso en video", "seminario web", "videoclases"],
        T.AUDIO: ["episodio de pódcast", "clase en audio"],
        T.DATASET: ["conjunto de datos didáctico", "datos abiertos"],
        T.NOTEBOOK: ["cuaderno Jupyter", "ejercicios prácticos en Python"],
        T.COURSE_PACK: ["kit de formación", "módulo de curso"],
        T.WEB_LINK: ["recurso en línea", "tutorial interactivo"],
    },
    "ar": {
        T.DOCUMENT: ["دليل عملي", "كتيب", "مقدمة", "مفاهيم أساسية", "موجز سياسات", "دراسات حالة"],
        T.SLIDES: ["عرض تقديمي", "شرائح ورشة عمل"],
        T.VIDEO: ["دورة بالفيديو", "ندوة عبر الإنترنت", "محاضرات مصورة"],
        T.AUDIO: ["حلقة بودكاست", "محاضرة صوتية"],
        T.DATASET: ["مجموعة بيانات تعليمية", "بيانات مفتوحة"],
        T.NOTEBOOK: ["دفتر Jupyter", "تمارين عملية بلغة بايثون"],
        T.COURSE_PACK: ["حقيبة تدريبية", "وحدة دراسية"],
        T.WEB_LINK: ["مورد على الإنترنت", "درس تفاعلي"],
    },
    "zh-hans": {
        T.DOCUMENT: ["实用指南", "手册", "入门", "核心概念", "政策简报", "案例研究"],
        T.SLIDES: ["演示文稿", "讲座幻灯片"],
        T.VIDEO: ["视频课程", "网络研讨会录像", "视频讲座"],
        T.AUDIO: ["播客节目", "音频讲座"],
        T.DATASET: ["教学数据集", "开放数据集"],
        T.NOTEBOOK: ["Jupyter笔记本", "Python实践练习"],
        T.COURSE_PACK: ["培训资料包", "课程模块"],
        T.WEB_LINK: ["在线资源", "交互式教程"],
    },
    "ru": {
        T.DOCUMENT: [
            "практическое руководство",
            "справочник",
            "введение",
            "ключевые понятия",
            "аналитическая записка",
            "сборник кейсов",
        ],
        T.SLIDES: ["презентация", "слайды к лекции"],
        T.VIDEO: ["видеокурс", "запись вебинара", "видеолекции"],
        T.AUDIO: ["выпуск подкаста", "аудиолекция"],
        T.DATASET: ["учебный набор данных", "открытые данные"],
        T.NOTEBOOK: ["блокнот Jupyter", "практические задания на Python"],
        T.COURSE_PACK: ["учебный комплект", "учебный модуль"],
        T.WEB_LINK: ["онлайн-ресурс", "интерактивное руководство"],
    },
}

# Per language: how a title is put together, the audience at its end, and the description.
TITLE_FORMATS = {
    "en": "{subject}: {kind}{audience}",
    "fr": "{subject} : {kind}{audience}",
    "es": "{subject}: {kind}{audience}",
    "ar": "{subject}: {kind}{audience}",
    "zh-hans": "{subject}：{audience}{kind}",
    "ru": "{subject}: {kind}{audience}",
}
TITLE_AUDIENCES = {
    "en": {
        "learners": " for beginners",
        "educators": " for teachers",
        "developers": " for developers",
        "policymakers": " for policymakers",
    },
    "fr": {
        "learners": " pour débutants",
        "educators": " pour les enseignants",
        "developers": " pour les développeurs",
        "policymakers": " pour les décideurs publics",
    },
    "es": {
        "learners": " para principiantes",
        "educators": " para docentes",
        "developers": " para desarrolladores",
        "policymakers": " para responsables de políticas",
    },
    "ar": {
        "learners": " للمبتدئين",
        "educators": " للمعلمين",
        "developers": " للمطورين",
        "policymakers": " لصناع السياسات",
    },
    "zh-hans": {
        "learners": "面向初学者的",
        "educators": "面向教师的",
        "developers": "面向开发者的",
        "policymakers": "面向政策制定者的",
    },
    "ru": {
        "learners": " для начинающих",
        "educators": " для преподавателей",
        "developers": " для разработчиков",
        "policymakers": " для органов власти",
    },
}
DESCRIPTIONS = {
    "en": [
        "An overview of {s}, with examples and exercises.",
        "Explains the key ideas of {s} and how to apply them in practice.",
        "Covers {s} step by step, from the basics to real-world cases.",
        "Practical material on {s}, drawn from projects in several regions.",
    ],
    "fr": [
        "Une présentation de {s}, avec des exemples et des exercices.",
        "Les notions essentielles de {s} et leur mise en pratique.",
        "Un parcours pas à pas consacré à {s}, des bases aux cas concrets.",
    ],
    "es": [
        "Material práctico sobre {s}, con ejemplos y ejercicios.",
        "Explica las ideas clave sobre {s} y cómo aplicarlas en la práctica.",
        "Recorre paso a paso {s}, desde lo básico hasta casos reales.",
    ],
    "ar": [
        "مادة تعليمية حول {s} مع أمثلة وتمارين.",
        "يشرح الأفكار الرئيسية في {s} وكيفية تطبيقها عمليًا.",
        "دليل خطوة بخطوة حول {s}، من الأساسيات إلى حالات واقعية.",
    ],
    "zh-hans": [
        "本材料介绍{s}的基本概念，并提供示例和练习。",
        "讲解{s}的核心思想及其实际应用。",
        "循序渐进地介绍{s}，从基础知识到真实案例。",
    ],
    "ru": [
        "Материал по теме «{s}» с примерами и упражнениями.",
        "Объясняет ключевые идеи по теме «{s}» и их практическое применение.",
        "Пошаговый курс по теме «{s}»: от основ до реальных примеров.",
    ],
}
DESCRIPTION_AUDIENCES = {
    "en": {
        "learners": "Written for learners.",
        "educators": "Written for teachers and trainers.",
        "developers": "Written for developers and data scientists.",
        "policymakers": "Written for policymakers and public servants.",
    },
    "fr": {
        "learners": "Destiné aux apprenants.",
        "educators": "Destiné aux enseignants et aux formateurs.",
        "developers": "Destiné aux développeurs.",
        "policymakers": "Destiné aux décideurs publics.",
    },
    "es": {
        "learners": "Pensado para estudiantes.",
        "educators": "Pensado para docentes y formadores.",
        "developers": "Pensado para desarrolladores.",
        "policymakers": "Pensado para responsables de políticas públicas.",
    },
    "ar": {
        "learners": "موجه إلى المتعلمين.",
        "educators": "موجه إلى المعلمين والمدربين.",
        "developers": "موجه إلى المطورين.",
        "policymakers": "موجه إلى صناع السياسات.",
    },
    "zh-hans": {
        "learners": "适合学习者。",
        "educators": "适合教师和培训师。",
        "developers": "适合开发者。",
        "policymakers": "适合政策制定者。",
    },
    "ru": {
        "learners": "Для учащихся.",
        "educators": "Для преподавателей и тренеров.",
        "developers": "Для разработчиков.",
        "policymakers": "Для государственных служащих.",
    },
}
# Per language: pools of (given names, family names) that go together, and the name format.
# Russian family names agree with the person's gender, hence two pools.
NAMES = {
    "en": (
        [
            (
                [
                    "Amina",
                    "David",
                    "Grace",
                    "Kwame",
                    "Priya",
                    "Sarah",
                    "Tom",
                    "Fatima",
                    "Oliver",
                    "Wanjiru",
                    "Arjun",
                    "Emma",
                    "Samuel",
                    "Hannah",
                    "Kofi",
                    "Mei",
                    "Daniel",
                    "Zanele",
                ],
                [
                    "Okello",
                    "Mensah",
                    "Brooks",
                    "Raman",
                    "Clarke",
                    "Bello",
                    "Grant",
                    "Kamau",
                    "Mehta",
                    "Schultz",
                    "Otieno",
                    "Asante",
                    "Tan",
                    "Walsh",
                    "Adeyemi",
                    "Dlamini",
                ],
            )
        ],
        "{given} {family}",
    ),
    "fr": (
        [
            (
                [
                    "Claire",
                    "Moussa",
                    "Élodie",
                    "Julien",
                    "Awa",
                    "Sophie",
                    "Thomas",
                    "Aminata",
                    "Lucas",
                    "Fatou",
                    "Camille",
                    "Yves",
                ],
                [
                    "Fontaine",
                    "Traoré",
                    "Martin",
                    "Moreau",
                    "Ndiaye",
                    "Lambert",
                    "Diop",
                    "Bernard",
                    "Koné",
                    "Girard",
                    "Mbaye",
                ],
            )
        ],
        "{given} {family}",
    ),
    "es": (
        [
            (
                [
                    "Carmen",
                    "Luis",
                    "Lucía",
                    "Andrés",
                    "Valentina",
                    "Diego",
                    "Sofía",
                    "Mateo",
                    "Camila",
                    "Javier",
                ],
                [
                    "Rodríguez",
                    "Herrera",
                    "Ortega",
                    "Gómez",
                    "Cruz",
                    "Fernández",
                    "Martínez",
                    "López",
                    "Vargas",
                    "Morales",
                ],
            )
        ],
        "{given} {family}",
    ),
    "ar": (
        [
            (
                ["ليلى", "عمر", "يوسف", "سارة", "نور", "أحمد", "مريم", "خالد", "هدى", "كريم"],
                ["حداد", "الخطيب", "منصور", "العلي", "بن علي", "السيد", "الحسن", "عبد الله"],
            )
        ],
        "{given} {family}",
    ),
    "zh-hans": (
        [
            (
                ["丽", "志强", "明", "静", "伟", "芳", "军", "敏", "磊", "婷"],
                ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"],
            )
        ],
        "{family}{given}",
    ),
    "ru": (
        [
            (
                ["Анна", "Ольга", "Мария", "Елена"],
                ["Смирнова", "Кузнецова", "Соколова", "Новикова", "Лебедева", "Морозова"],
            ),
            (
                ["Дмитрий", "Сергей", "Алексей", "Иван"],
                ["Иванов", "Попов", "Лебедев", "Морозов", "Смирнов", "Кузнецов"],
            ),
        ],
        "{given} {family}",
    ),
}
# Chinese sentences end with a full-width stop and need no space between them.
SENTENCE_JOINERS = {"zh-hans": ""}


@dataclass
class Generator:
    """Draws material after material from one seed; the n-th draw is always the same."""

    seed: int
    topics: dict[str, Topic]
    organisations: list[Organisation]

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        # A few contributors give much more than most: weights fall off with a shuffled rank.
        ranked = sorted(self.organisations, key=lambda o: o.slug)
        random.Random(self.seed).shuffle(ranked)
        self.organisations = ranked
        self.organisation_weights = [1 / (rank + 1) ** 0.9 for rank in range(len(ranked))]

    def pick(self, weights: dict):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def material(self, n: int) -> Material:
        rng = self.rng
        language = self.pick(LANGUAGES)
        kind = self.pick(TYPES)
        topic = self.pick(TOPICS)
        year = self.pick(YEARS)
        audiences = [key for key, odds in AUDIENCE_ODDS.items() if rng.random() < odds]
        if not audiences:
            audiences = ["learners"]
        if kind in {T.NOTEBOOK, T.DATASET} and "developers" not in audiences:
            audiences.append("developers")
        accessibility = [
            key for key, odds in ACCESSIBILITY_ODDS.get(kind, {}).items() if rng.random() < odds
        ]
        title_subject, sentence_subject = rng.choice(SUBJECTS[language][topic])
        audience = rng.choice(audiences)
        title = TITLE_FORMATS[language].format(
            subject=title_subject,
            kind=rng.choice(KINDS[language][kind]),
            audience=TITLE_AUDIENCES[language][audience] if rng.random() < 0.5 else "",
        )
        description = SENTENCE_JOINERS.get(language, " ").join(
            [
                rng.choice(DESCRIPTIONS[language]).format(s=sentence_subject),
                DESCRIPTION_AUDIENCES[language][audience],
            ]
        )
        pools, name_format = NAMES[language]
        names = []
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            given, family = rng.choice(pools)
            names.append(name_format.format(given=rng.choice(given), family=rng.choice(family)))
        authors = ", ".join(names)
        first_day = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
        span = (LAST_PUBLICATION - first_day).total_seconds()
        published_at = first_day + dt.timedelta(seconds=int(rng.random() * span))
        views = int(rng.paretovariate(1.1) * 40) - 40
        minutes = MINUTES.get(kind)
        slug = f"gen-{self.seed}-{n}"
        material = Material(
            slug=slug,
            title=title[:300],
            description=description,
            authors=authors,
            organisation=rng.choices(self.organisations, weights=self.organisation_weights)[0],
            material_type=kind,
            topic=self.topics[topic],
            language=language,
            level=self.pick(LEVELS),
            licence=self.pick(LICENCES),
            publication_year=year,
            url=f"https://example.org/library/{slug}",
            duration_minutes=rng.randint(*minutes) if minutes else None,
            status=Material.Status.PUBLISHED,
            published_at=published_at,
            view_count=min(views, 2_000_000),
            download_count=int(min(views, 2_000_000) * rng.random() * 0.6),
        )
        for key, (field_name, _label) in Material.AUDIENCES.items():
            setattr(material, field_name, key in audiences)
        for key, (field_name, _label) in Material.ACCESSIBILITY.items():
            setattr(material, field_name, key in accessibility)
        return material


class Command(BaseCommand):
    help = (
        "Add synthetic published materials (slugs gen-<seed>-<n>) to measure search at scale. "
        "Run again with the same seed, it adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000, help="materials for this seed")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=5000, help="rows per INSERT")

    def handle(self, *args, count: int, seed: int, batch: int, **options):
        if count < 0 or batch < 1:
            raise CommandError("--count must be 0 or more and --batch at least 1.")
        started = time.perf_counter()
        prefix = f"gen-{seed}-"
        existing = set(
            Material.objects.filter(slug__startswith=prefix).values_list("slug", flat=True)
        )
        missing = count - sum(1 for n in range(1, count + 1) if f"{prefix}{n}" in existing)
        if not missing:
            self.stdout.write(
                f"{count} materials of seed {seed} already there "
                f"({time.perf_counter() - started:.1f} s)."
            )
            return

        generator = Generator(seed, self._topics(), self._organisations())
        pending: list[Material] = []
        added = 0
        for n in range(1, count + 1):
            material = generator.material(n)  # drawn even when present, so n stays the same
            if material.slug in existing:
                continue
            pending.append(material)
            if len(pending) >= batch:
                added += self._insert(pending)
                pending = []
                if options["verbosity"] >= 2:
                    self.stdout.write(f"  {added}/{missing}")
        added += self._insert(pending)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {added} materials of seed {seed} in {elapsed:.1f} s "
                f"({added / elapsed:,.0f} per second)."
            )
        )

    @staticmethod
    def _insert(materials: list[Material]) -> int:
        if materials:
            with transaction.atomic():
                Material.objects.bulk_create(materials)
        return len(materials)

    @staticmethod
    def _topics() -> dict[str, Topic]:
        if not Topic.objects.exists():
            core_topics.load()
        topics = {topic.slug: topic for topic in Topic.objects.filter(slug__in=TOPICS)}
        if missing := set(TOPICS) - topics.keys():
            raise CommandError(f"Seeded topics are missing: {', '.join(sorted(missing))}.")
        return topics

    def _organisations(self) -> list[Organisation]:
        organisations = list(Organisation.objects.filter(is_founding=True))
        if not organisations:
            self.stdout.write("No founding contributors yet: loading them first.")
            contributors_demo.load()
            organisations = list(Organisation.objects.filter(is_founding=True))
        return organisations
