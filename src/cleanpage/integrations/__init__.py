"""Pipelines that cleanpage plugs into, each behind its own extra:
``cleanpage.integrations.datatrove`` (``pip install 'cleanpage[datatrove]'``) and
``cleanpage.integrations.ray`` (``pip install 'cleanpage[ray]'``)."""
