"""What was read on one page: plain data, produced on a worker process, cached as JSON.

Boxes are fractions of the page (x0, y0, x1, y1 in 0..1, as the page is stored, before any turning), so the
preview can highlight the text at whatever size it draws the page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class TextLine:
    text: str
    box: Box
    score: float


@dataclass
class PageReading:
    page: int  # 1-based
    lines: list[TextLine] = field(
        default_factory=list
    )  # in reading order (turned if the page is upside down)
    flipped_lines: int = 0  # lines the orientation classifier reads as turned by 180°
    upright_lines: int = 0
    seals: list[Box] = field(default_factory=list)  # red seal blobs
    ink: list[Box] = field(default_factory=list)  # blue pen strokes (handwriting, signatures)
    error: str | None = None  # the page could not be rendered or read
    pending: list[list[list[float]]] = field(default_factory=list)  # line boxes not recognised yet
    # Lines a red seal is pressed over, read again with the seal's red taken out (the red channel: red
    # ink reads as paper, black print stays black); the same boxes as the lines they read again. What a
    # page states (the field readers) prefers them; the findings read `lines` as printed.
    unsealed: list[TextLine] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.pending

    @property
    def reading_lines(self) -> list[TextLine]:
        """Lines in reading order: an upside-down page reads from the bottom of the image up."""
        return list(reversed(self.lines)) if self.flipped_share > 0.5 else self.lines

    @property
    def stated_lines(self) -> list[TextLine]:
        """The lines in reading order with each line under a seal as read without the seal's red (the
        seal's own ring text, which that reading loses, stays as read)."""
        if not self.unsealed:
            return self.reading_lines
        again = {line.box: line for line in self.unsealed}
        seen = {line.box for line in self.lines}
        lines = [again.get(line.box, line) for line in self.lines]
        for extra in (line for line in self.unsealed if line.box not in seen):  # lost under the red
            at = next((k for k, line in enumerate(lines) if line.box[1] > extra.box[1]), len(lines))
            lines.insert(at, extra)
        return list(reversed(lines)) if self.flipped_share > 0.5 else lines

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.reading_lines)

    def merged(self, rest: PageReading) -> PageReading:
        """This head of a page with the rest of its lines read by a second call."""
        return PageReading(
            page=self.page,
            lines=self.lines + rest.lines,
            flipped_lines=self.flipped_lines + rest.flipped_lines,
            upright_lines=self.upright_lines + rest.upright_lines,
            seals=self.seals,
            ink=self.ink,
            error=self.error or rest.error,
            pending=rest.pending,
            unsealed=self.unsealed + rest.unsealed,
        )

    @property
    def flipped_share(self) -> float:
        total = self.flipped_lines + self.upright_lines
        return self.flipped_lines / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PageReading:
        return cls(
            page=data["page"],
            lines=[TextLine(d["text"], tuple(d["box"]), d["score"]) for d in data["lines"]],
            flipped_lines=data["flipped_lines"],
            upright_lines=data["upright_lines"],
            seals=[tuple(b) for b in data["seals"]],
            ink=[tuple(b) for b in data["ink"]],
            error=data.get("error"),
            pending=data.get("pending", []),
            unsealed=[TextLine(d["text"], tuple(d["box"]), d["score"]) for d in data.get("unsealed", [])],
        )


def normalised_box(x: int, y: int, w: int, h: int, width: int, height: int) -> Box:
    """A pixel rectangle as fractions of the image (plain floats: they go to JSON)."""
    return (
        round(float(x) / width, 4),
        round(float(y) / height, 4),
        round(float(x + w) / width, 4),
        round(float(y + h) / height, 4),
    )
