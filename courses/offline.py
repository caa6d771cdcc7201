"""A course as one zip of plain HTML pages and its files, to read without a connection."""

import io
import posixpath
import zipfile

from django.template.loader import render_to_string
from django.utils import translation

from courses.models import CourseVersion, Lesson, Module


def build_offline_pack(*, version: CourseVersion) -> bytes:
    modules = list(
        Module.objects.filter(version=version).prefetch_related(
            "quizzes__questions__options", "lessons__attachments"
        )
    )
    lessons: list[Lesson] = [lesson for module in modules for lesson in module.lessons.all()]
    files: dict[str, object] = {}
    for number, lesson in enumerate(lessons, start=1):
        lesson.offline_name = f"lesson-{number:02d}.html"
        lesson.offline_files = []
        for attachment in lesson.attachments.all():
            name = f"files/{number:02d}-{posixpath.basename(attachment.file.name)}"
            files[name] = attachment.file
            lesson.offline_files.append((attachment.title, name))
        if lesson.captions:
            name = f"files/{number:02d}-captions.vtt"
            files[name] = lesson.captions
            lesson.offline_captions = name
    buffer = io.BytesIO()
    with (
        translation.override(version.language),
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as pack,
    ):
        pack.writestr(
            "index.html",
            render_to_string(
                "courses/offline/index.html", {"version": version, "modules": modules}
            ),
        )
        for index, lesson in enumerate(lessons):
            pack.writestr(
                lesson.offline_name,
                render_to_string(
                    "courses/offline/lesson.html",
                    {
                        "version": version,
                        "lesson": lesson,
                        "previous": lessons[index - 1] if index else None,
                        "next": lessons[index + 1] if index + 1 < len(lessons) else None,
                    },
                ),
            )
        for name, file in files.items():
            with file.open("rb") as handle:
                pack.writestr(name, handle.read())
    return buffer.getvalue()
