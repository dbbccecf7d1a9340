"""Rule families: one module per family of chrome, ``<module>.<what>`` rule names.

Every module here is discovered and imported by ``registry.py``; a new family is a
new module, with no list to edit. Run order comes from each rule's declared
(stage, order), never from the order of imports.
"""
