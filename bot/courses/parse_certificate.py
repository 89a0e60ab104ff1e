"""Reading ``certificate:``: who issues the course's certificate, and in which languages."""

from __future__ import annotations

from yaml.nodes import Node

from bot.courses.model import CertificateSpec, FileRef, LocalizedText, Signatory
from bot.courses.parse_survey import SurveyParser
from bot.courses.parse_texts import TITLE_LIMIT, Unit
from bot.courses.yaml_nodes import child, is_empty

CERTIFICATE_FIELDS = ("languages", "organization", "signatory", "logo", "signature")
SIGNATORY_FIELDS = ("name", "title")
MAX_SIDE_BY_SIDE = 2  # two columns fit on an A4 landscape page; three would be unreadable
ORGANIZATION_LIMIT = 200  # printed on the certificate: two lines at most
IMAGE_EXTENSIONS = ("png", "jpg", "jpeg")


class CertificateParser(SurveyParser):
    def _certificate(self, node: Node) -> CertificateSpec | None:
        path = "certificate"
        unit = Unit("course", "")
        fields = self.r.mapping(node, path, CERTIFICATE_FIELDS)
        if fields is None:
            return None
        ok = True
        languages: tuple[str, ...] = ()
        if not is_empty(fields.get("languages")):
            languages_path = child(path, "languages")
            items = self.r.sequence(fields["languages"], languages_path, allow_single=True) or []
            found: list[str] = []
            for index, item in enumerate(items):
                language = self._language_code(item, child(languages_path, index))
                if language is None:
                    ok = False
                elif language not in found:
                    found.append(language)
            if len(found) > MAX_SIDE_BY_SIDE:
                self.r.error(fields["languages"], languages_path, "certificate-languages", count=len(found))
                ok = False
            languages = tuple(found)
        organization = self._opt(
            fields,
            "organization",
            lambda n, _: self.text(n, child(path, "organization"), unit, limit=ORGANIZATION_LIMIT),
        )
        ok = ok and (organization is not None or is_empty(fields.get("organization")))
        signatory = None
        if not is_empty(fields.get("signatory")):
            signatory = self._signatory(fields["signatory"], child(path, "signatory"), unit)
            ok = ok and signatory is not None
        images: dict[str, FileRef | None] = {}
        for name in ("logo", "signature"):
            if is_empty(fields.get(name)):
                images[name] = None
                continue
            ref = self.file_ref(fields[name], child(path, name))
            if ref is not None and ref.extension not in IMAGE_EXTENSIONS:
                self.r.error(fields[name], child(path, name), "certificate-image", file=ref.path)
                ref = None
            images[name] = ref
            ok = ok and ref is not None
        if not ok:
            return None
        return CertificateSpec(
            languages=languages,
            organization=organization,
            signatory=signatory,
            logo=images["logo"],
            signature=images["signature"],
        )

    def _signatory(self, node: Node, path: str, unit: Unit) -> Signatory | None:
        fields = self.r.mapping(node, path, SIGNATORY_FIELDS, ("name",))
        if fields is None or is_empty(fields.get("name")):
            return None
        name: LocalizedText | None = self.text(fields["name"], child(path, "name"), unit, limit=TITLE_LIMIT)
        title = self._opt(fields, "title", lambda n, _: self.text(n, child(path, "title"), unit, limit=TITLE_LIMIT))
        if name is None or (title is None and not is_empty(fields.get("title"))):
            return None
        return Signatory(name=name, title=title)
