# Gold values for b.txt, written by hand-built generator (independent of the parser).
# Column order of APPLICATIONS tuples: natural_person, commercial, research, nonprofit,
# legal_service, other_org, total. REVIEW tuples: upheld, corrected, other, pending, total.
META = {
    'file': 'b.txt',
    'agency': '淮川市生态环境局',
    'year': 2022,
    'region': '安徽省淮川市',
    'level': '市级',
    'format': '2021',
}

APPLICATIONS = {
    'new_received':                  (85, 11, 0, 1, 3, 0, 100),
    'carried_in':                    (3, 1, 0, 0, 0, 0, 4),
    'disclosed':                     (41, 6, 0, 1, 2, 0, 50),
    'partially_disclosed':           (5, 1, 0, 0, 0, 0, 6),
    'withheld.state_secret':         (0, 0, 0, 0, 0, 0, 0),
    'withheld.prohibited_by_law':    (0, 0, 0, 0, 0, 0, 0),
    'withheld.security_stability':   (0, 0, 0, 0, 0, 0, 0),
    'withheld.third_party':          (2, 1, 0, 0, 0, 0, 3),
    'withheld.internal_affairs':     (0, 0, 0, 0, 0, 0, 0),
    'withheld.process_info':         (1, 0, 0, 0, 0, 0, 1),
    'withheld.enforcement_file':     (2, 0, 0, 0, 0, 0, 2),
    'withheld.query_matter':         (1, 0, 0, 0, 0, 0, 1),
    'unavailable.not_held':          (19, 3, 0, 0, 1, 0, 23),
    'unavailable.needs_creation':    (2, 0, 0, 0, 0, 0, 2),
    'unavailable.still_unclear':     (1, 0, 0, 0, 0, 0, 1),
    'not_processed.petition':        (3, 0, 0, 0, 0, 0, 3),
    'not_processed.duplicate':       (2, 0, 0, 0, 0, 0, 2),
    'not_processed.publication':     (0, 0, 0, 0, 0, 0, 0),
    'not_processed.excessive':       (0, 0, 0, 0, 0, 0, 0),
    'not_processed.confirmation':    (0, 0, 0, 0, 0, 0, 0),
    'other.no_correction':           (4, 0, 0, 0, 0, 0, 4),
    'other.unpaid_fee':              (0, 0, 0, 0, 0, 0, 0),
    'other.other':                   (3, 1, 0, 0, 0, 0, 4),
    'processed_total':               (86, 12, 0, 1, 3, 0, 102),
    'carried_forward':               (2, 0, 0, 0, 0, 0, 2),
}

REVIEW = {
    'review':              (2, 0, 1, 0, 3),
    'suit_direct':         (1, 0, 0, 1, 2),
    'suit_after_review':   (0, 0, 0, 0, 0),
}

PROACTIVE = {
    ('rules', 'issued'):                 0,
    ('rules', 'repealed'):               0,
    ('rules', 'in_force'):               0,
    ('normative_docs', 'issued'):        2,
    ('normative_docs', 'repealed'):      1,
    ('normative_docs', 'in_force'):      9,
    ('licensing', 'decisions'):          1326,
    ('penalty', 'decisions'):            87,
    ('coercion', 'decisions'):           12,
    ('fees', 'amount'):                  '0',
}

BLANK = [
]

BROKEN = [
]
