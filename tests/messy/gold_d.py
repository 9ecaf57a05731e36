# Gold values for d.txt, written by hand-built generator (independent of the parser).
# Column order of APPLICATIONS tuples: natural_person, commercial, research, nonprofit,
# legal_service, other_org, total. REVIEW tuples: upheld, corrected, other, pending, total.
META = {
    'file': 'd.txt',
    'agency': '成都市锦江区青莲街道办事处',
    'year': 2020,
    'region': '四川省成都市锦江区',
    'level': '乡镇级',
    'format': '2019',
}

APPLICATIONS = {
    'new_received':                  (12, 1, 0, 0, 0, 0, 13),
    'carried_in':                    (0, 0, 0, 0, 0, 0, 0),
    'disclosed':                     (4, 0, 0, 0, 0, 0, 4),
    'partially_disclosed':           (1, 0, 0, 0, 0, 0, 1),
    'withheld.state_secret':         (0, 0, 0, 0, 0, 0, 0),
    'withheld.prohibited_by_law':    (0, 0, 0, 0, 0, 0, 0),
    'withheld.security_stability':   (0, 0, 0, 0, 0, 0, 0),
    'withheld.third_party':          (1, 0, 0, 0, 0, 0, 1),
    'withheld.internal_affairs':     (0, 0, 0, 0, 0, 0, 0),
    'withheld.process_info':         (0, 0, 0, 0, 0, 0, 0),
    'withheld.enforcement_file':     (0, 0, 0, 0, 0, 0, 0),
    'withheld.query_matter':         (0, 0, 0, 0, 0, 0, 0),
    'unavailable.not_held':          (3, 1, 0, 0, 0, 0, 4),
    'unavailable.needs_creation':    (0, 0, 0, 0, 0, 0, 0),
    'unavailable.still_unclear':     (0, 0, 0, 0, 0, 0, 0),
    'not_processed.petition':        (1, 0, 0, 0, 0, 0, 1),
    'not_processed.duplicate':       (0, 0, 0, 0, 0, 0, 0),
    'not_processed.publication':     (0, 0, 0, 0, 0, 0, 0),
    'not_processed.excessive':       (0, 0, 0, 0, 0, 0, 0),
    'not_processed.confirmation':    (0, 0, 0, 0, 0, 0, 0),
    'other':                         (1, 0, 0, 0, 0, 0, 1),
    'processed_total':               (11, 1, 0, 0, 0, 0, 12),
    'carried_forward':               (1, 0, 0, 0, 0, 0, 1),
}

REVIEW = {
    'review':              (1, 0, 0, 0, 1),
    'suit_direct':         (0, 0, 0, 0, 0),
    'suit_after_review':   (0, 0, 0, 0, 0),
}

PROACTIVE = {
    ('rules', 'made'):                   0,
    ('rules', 'published'):              0,
    ('rules', 'total_published'):        0,
    ('normative_docs', 'made'):          0,
    ('normative_docs', 'published'):     0,
    ('normative_docs', 'total_published'): 0,
    ('licensing', 'prior_items'):        3,
    ('licensing', 'change'):             0,
    ('licensing', 'decisions'):          41,
    ('other_services', 'prior_items'):   12,
    ('other_services', 'change'):        -1,
    ('other_services', 'decisions'):     356,
    ('penalty', 'prior_items'):          15,
    ('penalty', 'change'):               2,
    ('penalty', 'decisions'):            27,
    ('coercion', 'prior_items'):         2,
    ('coercion', 'change'):              0,
    ('coercion', 'decisions'):           1,
    ('fees', 'prior_items'):             0,
    ('fees', 'change'):                  0,
    ('procurement', 'items'):            6,
    ('procurement', 'amount'):           '143.52',
}

BLANK = [
]

BROKEN = [
]
