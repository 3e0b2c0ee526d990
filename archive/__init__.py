"""The archive: documents, their cleaning and their metadata.

`archive.ingest` reads files into raw documents, `archive.extract` turns a raw
document into a `Document` with cleaned text and metadata; the index and the
web site only ever see `Document` records.
"""
__version__ = "0.1.0"
