"""peewee models mirroring the schema the migrations build (see docs/data-model.md).

The models are defined per open library by ``define_tables(db)``: each ``Library`` gets
its own classes bound to its own database, so two libraries open in one process never see
each other's rows and no module-level state decides where a query goes.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import (
    BlobField,
    BooleanField,
    CompositeKey,
    Database,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


@dataclass(frozen=True)
class Tables:
    """The model classes of one library, all bound to its database."""

    Meta: type[Model]
    Person: type[Model]
    Volume: type[Model]
    Section: type[Model]
    Manuscript: type[Model]
    Credit: type[Model]
    Tag: type[Model]
    ManuscriptTag: type[Model]
    StoredFile: type[Model]
    Revision: type[Model]
    ReviewEvent: type[Model]
    DetailChange: type[Model]
    Image: type[Model]
    OcrPage: type[Model]
    Authority: type[Model]
    AuthorityName: type[Model]
    ManuscriptPeriod: type[Model]
    RejectedName: type[Model]

    @property
    def all(self) -> list[type[Model]]:
        return [getattr(self, name) for name in self.__dataclass_fields__]


def define_tables(db: Database) -> Tables:
    """Model classes bound to ``db`` (cheap: a dozen class statements)."""

    class BaseModel(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class MetaRow(BaseModel):
        key = TextField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "meta"

    class Person(BaseModel):
        name = TextField(index=True)
        unit = TextField(default="")
        identity = TextField(default="")
        phone = TextField(default="")
        address = TextField(default="")
        notes = TextField(default="")

    class Volume(BaseModel):
        number = IntegerField(unique=True)
        title = TextField()
        year = IntegerField(null=True)
        status = TextField(default="planning")
        target_words = IntegerField(null=True)
        chars_per_line = IntegerField(default=28)
        lines_per_page = IntegerField(default=30)
        created_at = TextField()
        paper = TextField(default="16开")
        title_lines = IntegerField(default=3)
        section_lines = IntegerField(default=2)
        image_lines = IntegerField(default=10)
        new_page = BooleanField(default=False)
        right_hand = BooleanField(default=False)
        front_pages = IntegerField(default=0)
        editor = TextField(default="")
        place = TextField(default="")
        publisher = TextField(default="")
        internal = BooleanField(default=False)
        permit = TextField(default="")
        isbn = TextField(default="")
        series = TextField(default="")

    class Section(BaseModel):
        volume = ForeignKeyField(Volume, backref="sections", on_delete="CASCADE")
        name = TextField()
        position = IntegerField()

    class Manuscript(BaseModel):
        title = TextField()
        subtitle = TextField(default="")
        unit = TextField(default="")
        identity = TextField(default="")
        phone = TextField(default="")
        address = TextField(default="")
        received_date = TextField(null=True)
        received_via = TextField(default="")
        section_wish = TextField(default="")
        genre = TextField(default="prose")
        status = TextField(default="received", index=True)
        notes = TextField(default="")
        section = ForeignKeyField(Section, null=True, backref="items", on_delete="SET NULL")
        position = IntegerField(null=True)
        start_page = IntegerField(null=True)
        similar_to = ForeignKeyField("self", null=True, on_delete="SET NULL")
        words = IntegerField(default=0)
        cjk = IntegerField(default=0)
        non_cjk_words = IntegerField(default=0)
        han = IntegerField(default=0)
        chars_no_spaces = IntegerField(default=0)
        chars_with_spaces = IntegerField(default=0)
        paragraphs = IntegerField(default=0)
        created_at = TextField()
        updated_at = TextField()
        deleted_at = TextField(null=True)
        change_seq = IntegerField(default=0, index=True)
        fee_kind = TextField(default="original")
        fee_basis = TextField(default="words")
        fee_rate = FloatField(null=True)
        fee_paid_on = TextField(null=True)
        version = IntegerField(default=1)
        first_page = IntegerField(null=True)  # printed page the body starts on; \f per page
        furniture = TextField(default="")  # running heads and footers: shown, not counted
        sketch = BlobField(null=True)
        body = TextField(default="")  # last: see migration v5

    class Credit(BaseModel):
        """A person credited on a manuscript as 作者, 整理 or 口述, in display order."""

        manuscript = ForeignKeyField(Manuscript, backref="credits", on_delete="CASCADE")
        person = ForeignKeyField(Person, backref="credits", on_delete="RESTRICT")
        role = TextField()
        position = IntegerField()

    class Tag(BaseModel):
        name = TextField(unique=True)

    class ManuscriptTag(BaseModel):
        manuscript = ForeignKeyField(Manuscript, on_delete="CASCADE")
        tag = ForeignKeyField(Tag, on_delete="CASCADE")

        class Meta:
            primary_key = CompositeKey("manuscript", "tag")

    class StoredFile(BaseModel):
        """An imported original: its bytes live in ``files/`` under their SHA-256."""

        manuscript = ForeignKeyField(Manuscript, backref="files", on_delete="CASCADE")
        sha256 = TextField(index=True)  # a volume's PDF is the source of each of its articles
        original_name = TextField()
        size = IntegerField()
        kind = TextField()
        encoding = TextField(default="")
        pages = TextField(default="")  # the pages of the file this manuscript came from
        added_at = TextField()

    class Revision(BaseModel):
        """One version of a manuscript's body; the newest equals ``Manuscript.body``."""

        manuscript = ForeignKeyField(Manuscript, backref="revisions", on_delete="CASCADE")
        number = IntegerField()
        reason = TextField(default="")
        created_at = TextField()
        words = IntegerField(null=True)
        chars_no_spaces = IntegerField(null=True)
        body = TextField()  # last: see migration v5

    class ReviewEvent(BaseModel):
        manuscript = ForeignKeyField(Manuscript, backref="review_events", on_delete="CASCADE")
        from_status = TextField(null=True)
        to_status = TextField()
        actor = TextField(default="")
        opinion = TextField(default="")
        at = TextField()

    class DetailChange(BaseModel):
        """One change of a manuscript's details (title, people, tags, dates …): the old
        and the new value, so metadata has a history like the body."""

        manuscript = ForeignKeyField(Manuscript, backref="detail_changes", on_delete="CASCADE")
        field = TextField()
        old = TextField()
        new = TextField()
        actor = TextField(default="")
        at = TextField()

    class Image(BaseModel):
        """A photo attached to a manuscript; bytes in ``files/`` like every original."""

        manuscript = ForeignKeyField(Manuscript, backref="images", on_delete="CASCADE")
        sha256 = TextField()
        original_name = TextField()
        caption = TextField(default="")
        taken_on = TextField(default="")
        photographer = TextField(default="")
        width = IntegerField(default=0)
        height = IntegerField(default=0)
        position = IntegerField()
        added_at = TextField()

    class OcrPage(BaseModel):
        """What OCR read on one page of a stored file: ``lines`` is JSON, one entry per
        text line with its box, characters and each character's box and confidence."""

        sha256 = TextField()
        page = IntegerField()
        width = IntegerField()
        height = IntegerField()
        engine = TextField()
        created_at = TextField()
        lines = TextField()

    class Authority(BaseModel):
        """A person or a place of the authority list, under its 正名 (a place: 今名)."""

        kind = TextField()  # person | place
        name = TextField()
        dates = TextField(default="")  # 生卒 of a person: 1888—1960
        note = TextField(default="")
        created_at = TextField()

    class AuthorityName(BaseModel):
        """One name an entry goes by (the 正名 too); ``folded`` as search folds it, so a
        name already another entry's is found however it is written."""

        authority = ForeignKeyField(Authority, backref="names", on_delete="CASCADE")
        kind = TextField()
        name = TextField()
        type = TextField()  # 正名 字 号 别名 笔名 繁体 异体 旧名
        period = TextField(default="")  # when a place bore the name: 唐—元
        folded = TextField()

    class ManuscriptPeriod(BaseModel):
        """A year or range of years a manuscript's text talks about (text/periods.py)."""

        manuscript = ForeignKeyField(Manuscript, backref="periods", on_delete="CASCADE")
        first = IntegerField()
        last = IntegerField()

    class RejectedName(BaseModel):
        """A candidate an editor said is no person (or no place): not suggested again."""

        kind = TextField()
        name = TextField()
        folded = TextField()

        class Meta:
            table_name = "authority_rejected"

    return Tables(
        Meta=MetaRow,
        Person=Person,
        Volume=Volume,
        Section=Section,
        Manuscript=Manuscript,
        Credit=Credit,
        Tag=Tag,
        ManuscriptTag=ManuscriptTag,
        StoredFile=StoredFile,
        Revision=Revision,
        ReviewEvent=ReviewEvent,
        DetailChange=DetailChange,
        Image=Image,
        OcrPage=OcrPage,
        Authority=Authority,
        AuthorityName=AuthorityName,
        ManuscriptPeriod=ManuscriptPeriod,
        RejectedName=RejectedName,
    )
