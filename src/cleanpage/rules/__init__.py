"""Rule families. Importing this package registers every rule with the pipeline.

One module per family of chrome; a rule's dotted name is ``<module>.<what>``.
"""

from . import (  # noqa: F401
    ads, breaks, comments, dedupe, guard, media, meta, promo, related, share, tags, teasers, trailers,
)
