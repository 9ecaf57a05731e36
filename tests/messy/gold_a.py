# Gold values for a.md, written by hand-built generator (independent of the parser).
# Column order of APPLICATIONS tuples: natural_person, commercial, research, nonprofit,
# legal_service, other_org, total. REVIEW tuples: upheld, corrected, other, pending, total.
META = {
    'file': 'a.md',
    'agency': '清溪县人民政府',
    'year': 2024,
    'region': '浙江省丽水市清溪县',
    'level': '区县级',
    'format': '2021',
}

APPLICATIONS = {
    'new_received':                  (136, 9, 0, 0, 2, 0, 147),
    'carried_in':                    (6, 0, 0, 0, 0, 0, 6),
    'disclosed':                     (58, 4, 0, 0, 1, 0, 63),
    'partially_disclosed':           (9, 1, 0, 0, 0, 0, 10),
    'withheld.state_secret':         (0, 0, 0, 0, 0, 0, 0),
    'withheld.prohibited_by_law':    (1, 0, 0, 0, 0, 0, 1),
    'withheld.security_stability':   (0, 0, 0, 0, 0, 0, 0),
    'withheld.third_party':          (2, 0, 0, 0, 0, 0, 2),
    'withheld.internal_affairs':     (1, 0, 0, 0, 0, 0, 1),
    'withheld.process_info':         (3, 0, 0, 0, 0, 0, 3),
    'withheld.enforcement_file':     (1, 0, 0, 0, 0, 0, 1),
    'withheld.query_matter':         (4, 0, 0, 0, 0, 0, 4),
    'unavailable.not_held':          (27, 2, 0, 0, 1, 0, 30),
    'unavailable.needs_creation':    (3, 0, 0, 0, 0, 0, 3),
    'unavailable.still_unclear':     (2, 0, 0, 0, 0, 0, 2),
    'not_processed.petition':        (5, 0, 0, 0, 0, 0, 5),
    'not_processed.duplicate':       (4, 0, 0, 0, 0, 0, 4),
    'not_processed.publication':     (0, 0, 0, 0, 0, 0, 0),
    'not_processed.excessive':       (0, 0, 0, 0, 0, 0, 0),
    'not_processed.confirmation':    (1, 0, 0, 0, 0, 0, 1),
    'other.no_correction':           (6, 0, 0, 0, 0, 0, 6),
    'other.unpaid_fee':              (0, 0, 0, 0, 0, 0, 0),
    'other.other':                   (7, 1, 0, 0, 0, 0, 8),
    'processed_total':               (134, 8, 0, 0, 2, 0, 144),
    'carried_forward':               (8, 1, 0, 0, 0, 0, 9),
}

REVIEW = {
    'review':              (3, 1, 1, 0, 5),
    'suit_direct':         (1, 0, 0, 1, 2),
    'suit_after_review':   (1, 0, 0, 0, 1),
}

PROACTIVE = {
    ('rules', 'issued'):                 0,
    ('rules', 'repealed'):               0,
    ('rules', 'in_force'):               0,
    ('normative_docs', 'issued'):        6,
    ('normative_docs', 'repealed'):      4,
    ('normative_docs', 'in_force'):      38,
    ('licensing', 'decisions'):          15873,
    ('penalty', 'decisions'):            2146,
    ('coercion', 'decisions'):           87,
    ('fees', 'amount'):                  '3562.48',
}

BLANK = [
]

BROKEN = [
]
