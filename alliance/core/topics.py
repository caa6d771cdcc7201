"""The seeded topic list shared by courses, the library and sessions; staff edit it later."""

from django.db import transaction

from alliance.core.models import Topic

TOPICS = [
    (
        "generative-ai",
        "Generative AI",
        {
            "fr": "IA générative",
            "es": "IA generativa",
            "ar": "الذكاء الاصطناعي التوليدي",
            "zh-hans": "生成式人工智能",
            "ru": "Генеративный ИИ",
        },
    ),
    (
        "machine-learning",
        "Machine learning",
        {
            "fr": "Apprentissage automatique",
            "es": "Aprendizaje automático",
            "ar": "التعلم الآلي",
            "zh-hans": "机器学习",
            "ru": "Машинное обучение",
        },
    ),
    (
        "ai-for-sustainable-development",
        "AI for sustainable development",
        {
            "fr": "IA pour le développement durable",
            "es": "IA para el desarrollo sostenible",
            "ar": "الذكاء الاصطناعي من أجل التنمية المستدامة",
            "zh-hans": "人工智能促进可持续发展",
            "ru": "ИИ в интересах устойчивого развития",
        },
    ),
    (
        "ai-governance-and-ethics",
        "AI governance and ethics",
        {
            "fr": "Gouvernance et éthique de l'IA",
            "es": "Gobernanza y ética de la IA",
            "ar": "حوكمة الذكاء الاصطناعي وأخلاقياته",
            "zh-hans": "人工智能治理与伦理",
            "ru": "Управление и этика ИИ",
        },
    ),
    (
        "data-and-digital-skills",
        "Data and digital skills",
        {
            "fr": "Données et compétences numériques",
            "es": "Datos y competencias digitales",
            "ar": "البيانات والمهارات الرقمية",
            "zh-hans": "数据与数字技能",
            "ru": "Данные и цифровые навыки",
        },
    ),
]


def topics_ensure(topic_model) -> int:
    """Create the seeded topics that are missing; never overwrites what staff changed."""
    for order, (slug, name, names) in enumerate(TOPICS):
        topic_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "names": names, "order": order}
        )
    return len(TOPICS)


@transaction.atomic
def load() -> int:
    return topics_ensure(Topic)
