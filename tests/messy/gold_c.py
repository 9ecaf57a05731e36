# Gold values for c.md, written by hand-built generator (independent of the parser).
# Column order of APPLICATIONS tuples: natural_person, commercial, research, nonprofit,
# legal_service, other_org, total. REVIEW tuples: upheld, corrected, other, pending, total.
META = {
    'file': 'c.md',
    'agency': '湖北省交通运输厅',
    'year': 2021,
    'region': '湖北省',
    'level': '省级',
    'format': '2021',
}

APPLICATIONS = {
    'new_received':                  (366, 29, 1, 0, 7, 2, 405),
    'carried_in':                    (15, 2, 0, 0, 0, 0, 17),
    'disclosed':                     (96, 12, 1, 0, 3, 1, 113),
    'partially_disclosed':           (14, 2, 0, 0, 0, 0, 16),
    'withheld.state_secret':         (1, 0, 0, 0, 0, 0, 1),
    'withheld.prohibited_by_law':    (2, 0, 0, 0, 0, 0, 2),
    'withheld.security_stability':   (1, 0, 0, 0, 0, 0, 1),
    'withheld.third_party':          (5, 1, 0, 0, 0, 0, 6),
    'withheld.internal_affairs':     (3, 0, 0, 0, 0, 0, 3),
    'withheld.process_info':         (6, 1, 0, 0, 0, 0, 7),
    'withheld.enforcement_file':     (2, 0, 0, 0, 0, 0, 2),
    'withheld.query_matter':         (9, 0, 0, 0, 0, 0, 9),
    'unavailable.not_held':          (118, 9, 0, 0, 2, 1, 130),
    'unavailable.needs_creation':    (11, 1, 0, 0, 0, 0, 12),
    'unavailable.still_unclear':     (4, 0, 0, 0, 0, 0, 4),
    'not_processed.petition':        (17, 1, 0, 0, 0, 0, 18),
    'not_processed.duplicate':       (12, 0, 0, 0, 0, 0, 12),
    'not_processed.publication':     (2, 0, 0, 0, 0, 0, 2),
    'not_processed.excessive':       (3, 0, 0, 0, 0, 0, 3),
    'not_processed.confirmation':    (2, 0, 0, 0, 0, 0, 2),
    'other.no_correction':           (21, 1, 0, 0, 0, 0, 22),
    'other.unpaid_fee':              (0, 0, 0, 0, 0, 0, 0),
    'other.other':                   (33, 2, 0, 0, 1, 0, 36),
    'processed_total':               (362, 30, 1, 0, 6, 2, 401),
    'carried_forward':               (19, 1, 0, 0, 1, 0, 21),
}

REVIEW = {
    'review':              (8, 1, 3, 2, 14),
    'suit_direct':         (3, 0, 1, 2, 6),
    'suit_after_review':   (2, 0, 0, 1, 3),
}

PROACTIVE = {
    ('rules', 'issued'):                 1,
    ('rules', 'repealed'):               0,
    ('rules', 'in_force'):               6,
    ('normative_docs', 'issued'):        7,
    ('normative_docs', 'repealed'):      3,
    ('normative_docs', 'in_force'):      52,
    ('licensing', 'decisions'):          2841,
    ('penalty', 'decisions'):            36,
    ('coercion', 'decisions'):           0,
    ('fees', 'amount'):                  '1853.27',
}

BLANK = [
]

BROKEN = [
]
