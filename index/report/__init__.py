"""One report: its metadata (clues with their sources, manifest, one agency across its names), its sections and
chunks, and parse_text / read_report, which read it whole."""

from .agencies import names_of_one_agency, unify
from .chunks import Chunk, chunk_report, embed_text
from .clues import Clue, read_clues, read_title
from .metadata import Metadata, detect, read_manifest, region_of, resolve
from .reader import PARSER_VERSION, ParsedReport, digest, parse_text, read_report
from .sections import Section, heading, split_sections

__all__ = ["PARSER_VERSION", "Chunk", "Clue", "Metadata", "ParsedReport", "Section", "chunk_report", "detect",
           "digest", "embed_text", "heading", "names_of_one_agency", "parse_text", "read_clues", "read_manifest",
           "read_report", "read_title", "region_of", "resolve", "split_sections", "unify"]
