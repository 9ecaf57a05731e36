"""One report: its metadata (title, manifest, one agency under several titles), its sections and
chunks, and parse_text / read_report, which read it whole."""

from .agencies import fuller_names, unify
from .chunks import Chunk, chunk_report, embed_text
from .metadata import Metadata, detect, read_manifest, region_of, resolve
from .reader import PARSER_VERSION, ParsedReport, digest, parse_text, read_report
from .sections import Section, heading, split_sections

__all__ = ["PARSER_VERSION", "Chunk", "Metadata", "ParsedReport", "Section", "chunk_report", "detect", "digest",
           "embed_text", "fuller_names", "heading", "parse_text", "read_manifest", "read_report", "region_of",
           "resolve", "split_sections", "unify"]
