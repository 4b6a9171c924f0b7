"""The version of what reading and parsing a file produces.

Bump it when a change to the readers or the parser moves clause ids, their texts or their
parsed cross-references: each archive then re-reads every file once on its next ingest (the
file's recorded sha256 includes this version) and re-embeds only the documents whose clauses
changed.
"""

PARSER_VERSION = "25"  # 25: the French Universal Declaration's title whole ("… de l’homme",
# cut at its apostrophe before)
# 24: a figure of WTSA Resolution 1's rules, its notes and caption,
# is a clause of its own ("operative/resolves/figure-9.1"), no longer the end of the provision
# before it
# 23: a keyword heading may name an ITU-T Recommendation ("A.5",
# Resolution 177, Dubai: a section and its two items were lost in the item before it); a
# preamble modifier may follow a comma ("considering, however", Resolution 5, Kyoto)
# 22: a General Assembly resolution whose parts ("I", "II") number their
# paragraphs afresh cites them by part ("operative/section-ii/1", "sect. II, para. 1"); a
# part of one unnumbered paragraph is a clause; a wrapped "resolves to instruct the …" heading
# stays whole (Resolution 30, Bucharest); footnotes under a bar end where the text goes on,
# not at the next recognised page header (A/RES/80/226 lost para. 4 (b), (c), 5 and its annex;
# A/RES/73/6 paras. 6-14); an annex item under a one-line heading is an item (Decision 5);
# an operative number without its full stop ("26") and a list numbered inside a paragraph
# (A/RES/78/223 para. 11's agenda) no longer glue the paragraphs after them together; an
# "invites Academia" section folded into the item before it is a section (Resolution 198); a
# formula without its comma ends before a keyword line (Resolution 160)
# 21: an ITU-T Recommendation without the publisher's pages (cover,
# series list, history, contents, back page); its summary, foreword, introduction, bibliography;
# WTSA Resolution 1's rules, "SECTION 1" to "SECTION 9", as numbered provisions of resolves
# ("1.6", "9.4.5"), not one 65,000-character item; a margin number before a roman item ("269B
# ii)") opens a provision; the Russian UDHR's "ПРЕАМБУЛА" opens its preamble
# 20: a margin number of two letters ("197CA") or with "bis" ("296 bis")
# opens a provision of its own
# 19: a margin note cut off a line's start is no paragraph break (No. 171
# of the Constitution was cut after "Chinese,"); suppressed provisions ("219 to 221 (SUP)") are
# noise
# 18: the PP-18 Final Acts' later parts are no part of Resolution 213 nor
# Recommendation 7: their declarations and reservations are a text of their own
# 17: a footnote line ending "Sales No." goes on (two GA texts)
# 16: a GA formula under a title ending "… General Assembly" is
# not a running head (25 texts parsed their front matter as preamble); a preambular paragraph
# cut by a page break is one clause; a part's heading ("II Informal system") is no clause nor
# glued to one; "Nth (resumed) plenary meeting" closes the resolution
# 15: a GA preambular paragraph broken by a page, or a running head,
# is not an unnumbered operative paragraph (its first word ends in -s)
# 14: an AKN item with the next glued on ("9 that …; 10 that …") split
# 13: "International Telecommunication Union resolution 186" (GA texts)
# 12: the Convention on the Rights of the Child named in French, Spanish and Russian
# 11: Recommendations cited in French, Spanish and Russian ("UIT-T E.108")
# 10: a text named across a line break ("the Tampere\nConvention")
# 9: ITU Council resolutions and decisions ("Council Resolution 1305"); not the Human Rights
# Council's "resolution 47/16"
# 8: ITU Recommendations ("Recommendation ITU-T E.164"); the Tampere
# Convention and the UN Convention against Cybercrime by name; "Dispute Resolution 5" is no ITU text
# 7: texts cited by name ("the Tunis Agenda", "the Universal Declaration")
# 6: a cited resolution's body from its conference ("Rev. Dubai, 2014": WTDC);
# "Resolutions 45 (Rev. Dubai, 2014) and 69 (Rev. Buenos Aires, 2017)"
# 5: "Council Resolution 1305" is not Resolution 130
# 4: "Decision 5 (Rev. Dubai, 2018)", "Resolutions 50 and 52 (Rev. …)"
# 3: cross-references in Chinese, across line breaks, "that Constitution"
# 2: Arabic section numbers major part first ("2.7" -> section 7.2)
