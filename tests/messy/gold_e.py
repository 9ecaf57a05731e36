# Gold values for e.md, written by hand-built generator (independent of the parser).
# Column order of APPLICATIONS tuples: natural_person, commercial, research, nonprofit,
# legal_service, other_org, total. REVIEW tuples: upheld, corrected, other, pending, total.
META = {
    'file': 'e.md',
    'agency': '临海经济技术开发区管理委员会',
    'year': 2023,
    'region': '江苏省南通市',
    'level': '区县级',
    'format': '2021',
}

APPLICATIONS = {
    'new_received':                  (47, 9, 0, 0, 1, 0, 57),
    'carried_in':                    (2, 0, 0, 0, 0, 0, 2),
    'disclosed':                     (21, 5, 0, 0, 0, 0, 25),
    'partially_disclosed':           (3, 1, 0, 0, 0, 0, 4),
    'withheld.state_secret':         (0, 0, 0, 0, 0, 0, 0),
    'withheld.prohibited_by_law':    (0, 0, 0, 0, 0, 0, 0),
    'withheld.security_stability':   (0, 0, 0, 0, 0, 0, 0),
    'withheld.third_party':          (1, 0, 0, 0, 0, 0, 1),
    'withheld.internal_affairs':     (0, 0, 0, 0, 0, 0, 0),
    'withheld.process_info':         (1, 0, 0, 0, 0, 0, 1),
    'withheld.enforcement_file':     (0, 0, 0, 0, 0, 0, 0),
    'withheld.query_matter':         (2, 0, 0, 0, 0, 0, 2),
    'unavailable.not_held':          (11, 2, 0, 0, 1, 0, 14),
    'unavailable.needs_creation':    (1, 0, 0, 0, 0, 0, 1),
    'unavailable.still_unclear':     (0, 0, 0, 0, 0, 0, 0),
    'not_processed.petition':        (2, 0, 0, 0, 0, 0, 2),
    'not_processed.duplicate':       (1, 0, 0, 0, 0, 0, 1),
    'not_processed.publication':     (0, 0, 0, 0, 0, 0, 0),
    'not_processed.excessive':       (0, 0, 0, 0, 0, 0, 0),
    'not_processed.confirmation':    (0, 0, 0, 0, 0, 0, 0),
    'other.no_correction':           (2, 0, 0, 0, 0, 0, 2),
    'other.unpaid_fee':              (0, 0, 0, 0, 0, 0, 0),
    'other.other':                   (3, 0, 0, 0, 0, 0, 3),
    'processed_total':               (48, 8, 0, 0, 1, 0, 57),
    'carried_forward':               (1, 1, 0, 0, 0, 0, 2),
}

REVIEW = {
    'review':              (1, 0, 0, 1, 2),
    'suit_direct':         (0, 0, 0, 0, 0),
    'suit_after_review':   (0, 0, 0, 0, 0),
}

PROACTIVE = {
    ('rules', 'issued'):                 0,
    ('rules', 'repealed'):               0,
    ('rules', 'in_force'):               0,
    ('normative_docs', 'issued'):        3,
    ('normative_docs', 'repealed'):      0,
    ('normative_docs', 'in_force'):      11,
    ('licensing', 'decisions'):          412,
    ('penalty', 'decisions'):            19,
    ('coercion', 'decisions'):           0,
    ('fees', 'amount'):                  '0',
}

BLANK = [
    ('applications', 'other.unpaid_fee', 'natural_person'),
    ('applications', 'other.unpaid_fee', 'total'),
    ('applications', 'not_processed.excessive', 'commercial'),
    ('review_litigation', 'suit_after_review', 'upheld'),
    ('proactive', 'rules', 'repealed'),
]

BROKEN = [
    'applications: the printed 总计 (total) of row disclosed（一）予以公开 is 25, but its six applicant columns sum to 21+5+0+0+0+0 = 26 (row identity total = sum of applicant columns fails for disclosed).',
    'consequence of the same cell: in the total column, the printed result rows sum to 56 while （七）总计 processed_total prints 57 (column identity processed_total = sum of result rows fails for column total only). All other identities, incl. 第一项+第二项=第三项+第四项 in every column, hold. The narrative of section 三 states the true value (予以公开26件).',
]
