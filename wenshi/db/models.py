"""peewee models mirroring the schema the migrations build (see docs/data-model.md).

Models are bound to ``database_proxy``; ``wenshi.library.Library`` initialises it when a
library is opened, so one library is open per process at a time.
"""

from __future__ import annotations

from peewee import (
    BlobField,
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Meta(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()


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
    body = TextField(default="")
    status = TextField(default="received", index=True)
    notes = TextField(default="")
    section = ForeignKeyField(Section, null=True, backref="items", on_delete="SET NULL")
    position = IntegerField(null=True)
    start_page = IntegerField(null=True)
    similar_to = ForeignKeyField("self", null=True, on_delete="SET NULL")
    sketch = BlobField(null=True)
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
    sha256 = TextField(unique=True)
    original_name = TextField()
    size = IntegerField()
    kind = TextField()
    encoding = TextField(default="")
    added_at = TextField()


class Revision(BaseModel):
    """One version of a manuscript's body; the newest equals ``Manuscript.body``."""

    manuscript = ForeignKeyField(Manuscript, backref="revisions", on_delete="CASCADE")
    number = IntegerField()
    body = TextField()
    reason = TextField(default="")
    created_at = TextField()


class ReviewEvent(BaseModel):
    manuscript = ForeignKeyField(Manuscript, backref="review_events", on_delete="CASCADE")
    from_status = TextField(null=True)
    to_status = TextField()
    actor = TextField(default="")
    opinion = TextField(default="")
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


ALL_MODELS: list[type[BaseModel]] = [
    Meta,
    Person,
    Volume,
    Section,
    Manuscript,
    Credit,
    Tag,
    ManuscriptTag,
    StoredFile,
    Revision,
    ReviewEvent,
    Image,
]
