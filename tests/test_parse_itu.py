# ruff: noqa: E501  (the expected clause tables hold long clause ids)
"""ITU structure: expected clause lists of three Bucharest 2022 texts (ids, labels, keywords,
lengths and sha256 prefixes of the text, never the text), the Chinese RCC proposal, and the
keyword sections the PP-18 Akoma Ntoso conversion folded into the paragraph before them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from lxml import etree
from rescite.answer.citations import citation_string
from rescite.core.records import DocType, ParsedDocument, Section
from rescite.ingest.load import read_file
from rescite.ingest.parse import parse

MAX_BYTES = 50 * 1024 * 1024

# (path after doc_id, label, keyword_en, len(text), sha256(text)[:16])
EXPECTED: dict[str, tuple[tuple[str, str | None, str | None, int, str], ...]] = {
    "itu-pp-res2-rev-bucharest-2022-en.txt": (
        ("title", None, None, 113, "22a419636aee76b4"),
        ("formula", None, None, 94, "32f5d73b1555783e"),
        ("preamble/considering/a", "a)", "considering", 70, "b86c20bc4052b23d"),
        ("preamble/considering/b", "b)", "considering", 525, "6e96c04f9ad855a2"),
        ("preamble/considering/c", "c)", "considering", 181, "115bd021c4a459a5"),
        ("preamble/considering/d", "d)", "considering", 306, "8d7b12e2d61d8892"),
        ("preamble/considering/e", "e)", "considering", 261, "ca9b48ca1107c038"),
        ("preamble/considering/f", "f)", "considering", 146, "bf3d5061799a8446"),
        ("preamble/considering/g", "g)", "considering", 157, "f8a941002108233a"),
        ("preamble/considering/h", "h)", "considering", 247, "7c933f7178cc0354"),
        ("preamble/considering/i", "i)", "considering", 211, "50251f6418378f1a"),
        ("preamble/conscious/a", "a)", "conscious", 445, "6b730c1988b2a699"),
        ("preamble/conscious/b", "b)", "conscious", 388, "285fd2819335da98"),
        ("preamble/conscious/c", "c)", "conscious", 235, "31d9eab1a278c678"),
        ("preamble/conscious/d", "d)", "conscious", 406, "47db3783ab098881"),
        ("preamble/conscious/e", "e)", "conscious", 355, "874d747be693ce6c"),
        ("preamble/emphasizing/a", "a)", "emphasizing", 311, "73fa51299688e0d1"),
        ("preamble/emphasizing/b", "b)", "emphasizing", 323, "c9e9b230ee1a880f"),
        ("preamble/emphasizing/c", "c)", "emphasizing", 458, "94f39a2f3445d623"),
        ("preamble/emphasizing/d", "d)", "emphasizing", 264, "f06581b109504a53"),
        ("preamble/emphasizing/e", "e)", "emphasizing", 71, "30f8c48edf625b2a"),
        ("preamble/emphasizing/f", "f)", "emphasizing", 83, "8aa7c5f4934d7db2"),
        ("preamble/emphasizing/g", "g)", "emphasizing", 192, "60089b93cb6c08aa"),
        ("operative/resolves/1", "1", "resolves", 135, "5304f57ca622dfc3"),
        ("operative/resolves/2", "2", "resolves", 434, "a9f703f05a950ac2"),
        ("operative/resolves/3", "3", "resolves", 207, "d75417a70c8b055c"),
        ("operative/resolves/4", "4", "resolves", 164, "6e651fea18e92bc9"),
        ("operative/resolves/5", "5", "resolves", 212, "0e3cb0367f5f2a15"),
        ("operative/resolves/6", "6", "resolves", 230, "1cacafe45ac75b1e"),
        ("operative/resolves/7", "7", "resolves", 214, "2a3b94f89f0459f6"),
        ("operative/resolves/8", "8", "resolves", 168, "d1b08ceac0872dbe"),
        ("operative/resolves/9", "9", "resolves", 387, "33e13222846ad42d"),
        ("operative/resolves/10", "10", "resolves", 570, "97313b86b7a4b58c"),
        ("operative/resolves/11", "11", "resolves", 101, "2aa4211a56d714d6"),
        (
            "operative/instructs-the-secretary-general",
            None,
            "instructs the Secretary-General",
            78,
            "b8e52fe761806f2a",
        ),
        ("operative/instructs-the-council/1", "1", "instructs the Council", 91, "6f3afb8eb49bf1de"),
        (
            "operative/instructs-the-council/2",
            "2",
            "instructs the Council",
            110,
            "43b1c290a335eaab",
        ),
        (
            "operative/instructs-the-council/3",
            "3",
            "instructs the Council",
            387,
            "9f15a162c269f411",
        ),
        (
            "operative/further-instructs-the-council",
            None,
            "further instructs the Council",
            91,
            "ac7f7493b0d3e984",
        ),
    ),
    "itu-pp-res21-rev-bucharest-2022-en.txt": (
        ("title", None, None, 131, "2df7c6dc9a671c0b"),
        ("formula", None, None, 94, "32f5d73b1555783e"),
        ("preamble/recognizing/a", "a)", "recognizing", 239, "a52c9033346f3c46"),
        ("preamble/recognizing/b", "b)", "recognizing", 124, "5b00a955751371b7"),
        ("preamble/recognizing/c", "c)", "recognizing", 253, "e37acccb9e17d819"),
        ("preamble/recognizing/d", "d)", "recognizing", 157, "7c375a787feb45b4"),
        ("preamble/recognizing/e", "e)", "recognizing", 163, "f4b5e886a20679dd"),
        ("preamble/recognizing/f", "f)", "recognizing", 195, "b4de0955c72dcbf6"),
        ("preamble/recognizing/g", "g)", "recognizing", 42, "01f123e63c8e597e"),
        ("preamble/recognizing/h", "h)", "recognizing", 70, "acbcde966900f62e"),
        ("preamble/recognizing/i", "i)", "recognizing", 206, "2bd4326e45046248"),
        ("preamble/recognizing/j", "j)", "recognizing", 179, "88ef544e768c4cb0"),
        ("preamble/recognizing/k", "k)", "recognizing", 81, "13e54c6fec4c65ab"),
        ("preamble/recognizing/l", "l)", "recognizing", 95, "72d241fb5649e0e3"),
        ("preamble/recognizing/m", "m)", "recognizing", 170, "5e5d2f0fa64a1d6e"),
        ("preamble/recognizing/n", "n)", "recognizing", 236, "7f247ef8ccd8ecc7"),
        ("preamble/recognizing/o", "o)", "recognizing", 225, "b9b3ed0de03420cc"),
        ("preamble/recognizing/p", "p)", "recognizing", 184, "62968b978096d1d6"),
        ("preamble/considering/a", "a)", "considering", 260, "0a7b7cd5cd6cc282"),
        ("preamble/considering/b", "b)", "considering", 174, "fd68bcb9d91d32a9"),
        ("preamble/considering/c", "c)", "considering", 151, "e295c2e7775016a8"),
        ("preamble/considering/d", "d)", "considering", 76, "013bdd2d6bec53d6"),
        ("preamble/considering/e", "e)", "considering", 269, "1847969e9e7d91e7"),
        ("preamble/considering/f", "f)", "considering", 286, "5102e505a5ae2c67"),
        ("preamble/aware/a", "a)", "aware", 232, "18eb6d727058fe72"),
        ("preamble/aware/b", "b)", "aware", 217, "9680dd78e380dd66"),
        ("operative/resolves/1", "1", "resolves", 287, "eb3677143f2333aa"),
        ("operative/resolves/2", "2", "resolves", 376, "3dfb517f95ba55f8"),
        ("operative/resolves/3", "3", "resolves", 238, "517c5f2ead3ee416"),
        ("operative/resolves/4", "4", "resolves", 223, "17c2c31545ca7137"),
        ("operative/resolves/4/i", "4 i)", "resolves", 174, "c78ab0e81c9fbbc5"),
        ("operative/resolves/4/ii", "4 ii)", "resolves", 198, "b35b44ceede5d80d"),
        ("operative/resolves/4/iii", "4 iii)", "resolves", 140, "6852aded7912d4c3"),
        ("operative/resolves/4/iv", "4 iv)", "resolves", 204, "0f0c4c153bfb2bcd"),
        ("operative/resolves/5", "5", "resolves", 191, "74f18c878b5d85f3"),
        (
            "operative/instructs-the-directors-of-the-telecommunication-development-bureau-and-the-telecommunication-standardization-bureau/1",
            "1",
            "instructs the Directors of the Telecommunication Development Bureau and the Telecommunication Standardization Bureau",
            474,
            "a9251eb12bb8c7cc",
        ),
        (
            "operative/instructs-the-directors-of-the-telecommunication-development-bureau-and-the-telecommunication-standardization-bureau/2",
            "2",
            "instructs the Directors of the Telecommunication Development Bureau and the Telecommunication Standardization Bureau",
            158,
            "c56ec8c4e6712139",
        ),
        (
            "operative/instructs-the-directors-of-the-telecommunication-development-bureau-and-the-telecommunication-standardization-bureau/3",
            "3",
            "instructs the Directors of the Telecommunication Development Bureau and the Telecommunication Standardization Bureau",
            111,
            "c56e88b9203a3660",
        ),
        (
            "operative/instructs-the-directors-of-the-telecommunication-development-bureau-and-the-telecommunication-standardization-bureau/4",
            "4",
            "instructs the Directors of the Telecommunication Development Bureau and the Telecommunication Standardization Bureau",
            146,
            "87e524e102836f4c",
        ),
        (
            "operative/invites-member-states/1",
            "1",
            "invites Member States",
            330,
            "2abae82f52fa9faa",
        ),
        (
            "operative/invites-member-states/2",
            "2",
            "invites Member States",
            301,
            "a579f24e7f72986a",
        ),
        (
            "operative/invites-member-states/3",
            "3",
            "invites Member States",
            128,
            "19fc24cf38a15462",
        ),
        (
            "operative/invites-member-states/4",
            "4",
            "invites Member States",
            369,
            "fb676807a4bb29a0",
        ),
        ("operative/invites-member-states/5", "5", "invites Member States", 29, "043ac4d6f56093df"),
        (
            "operative/invites-sector-members/1",
            "1",
            "invites Sector Members",
            165,
            "596806bdda04fb85",
        ),
        (
            "operative/invites-sector-members/2",
            "2",
            "invites Sector Members",
            29,
            "d3d0f4c1b070de79",
        ),
    ),
    "itu-pp-res25-rev-bucharest-2022-en.txt": (
        ("title", None, None, 76, "dcc7d583b9d1c826"),
        ("formula", None, None, 94, "32f5d73b1555783e"),
        ("preamble/considering/a", "a)", "considering", 187, "2f5020d5766a0089"),
        ("preamble/considering/b", "b)", "considering", 211, "54aefdf217893d37"),
        ("preamble/considering/c", "c)", "considering", 238, "0106d6c731966212"),
        ("preamble/considering-further/a", "a)", "considering further", 115, "ee8e2670ba66ed36"),
        ("preamble/considering-further/b", "b)", "considering further", 613, "266e068fa9010858"),
        ("preamble/considering-further/c", "c)", "considering further", 336, "0d296c7e12f7c6c6"),
        ("preamble/considering-further/d", "d)", "considering further", 160, "e4d5759a5e6161bb"),
        ("preamble/considering-further/e", "e)", "considering further", 328, "2a49cb76637f36c3"),
        (
            "preamble/noting-with-appreciation/a",
            "a)",
            "noting with appreciation",
            410,
            "34b176c8ab6102f4",
        ),
        (
            "preamble/noting-with-appreciation/b",
            "b)",
            "noting with appreciation",
            502,
            "5dd2a0bb694ec2b3",
        ),
        (
            "preamble/noting-with-appreciation/c",
            "c)",
            "noting with appreciation",
            296,
            "87a0119e6522ebed",
        ),
        (
            "preamble/noting-with-appreciation/d",
            "d)",
            "noting with appreciation",
            252,
            "bbba83609125a99a",
        ),
        (
            "preamble/noting-with-appreciation/e",
            "e)",
            "noting with appreciation",
            306,
            "3bc89f6397055c4a",
        ),
        (
            "preamble/noting-with-appreciation/f",
            "f)",
            "noting with appreciation",
            130,
            "48a63d83e8cbd8cb",
        ),
        ("preamble/noting-with-concern/a", "a)", "noting with concern", 270, "244762c0ffcee894"),
        ("preamble/noting-with-concern/b", "b)", "noting with concern", 130, "b873d68b70344068"),
        ("preamble/recognizing/a", "a)", "recognizing", 157, "832a2017c9488750"),
        ("preamble/recognizing/b", "b)", "recognizing", 69, "f255822db3a4a052"),
        ("preamble/recognizing/c", "c)", "recognizing", 358, "737e722db2815733"),
        ("preamble/convinced/a", "a)", "convinced", 354, "458ce20faf0347d7"),
        ("preamble/convinced/b", "b)", "convinced", 342, "bcb33dc6422b3c61"),
        ("preamble/convinced/c", "c)", "convinced", 141, "8cf2229a671238f7"),
        ("preamble/convinced/d", "d)", "convinced", 209, "eace822ad731fa11"),
        ("preamble/convinced/e", "e)", "convinced", 317, "0a41300c6ae15f94"),
        ("preamble/convinced/f", "f)", "convinced", 315, "11bc1bbf2f180131"),
        ("preamble/convinced/g", "g)", "convinced", 142, "648aa8e5996ef56a"),
        ("preamble/convinced/h", "h)", "convinced", 193, "9ec108ace3c1c351"),
        ("preamble/convinced/i", "i)", "convinced", 297, "acff82c38434ab17"),
        ("preamble/noting/a", "a)", "noting", 412, "5985f596c909f0dc"),
        ("preamble/noting/b", "b)", "noting", 210, "dab39eddb2912945"),
        ("preamble/noting/c", "c)", "noting", 161, "36d10b9f7f9f0735"),
        ("preamble/noting-also/a", "a)", "noting also", 316, "1d7c4afc59cfda2e"),
        ("preamble/noting-also/b", "b)", "noting also", 506, "f8f23fc10f5d3ff1"),
        ("preamble/noting-also/c", "c)", "noting also", 204, "250dde029f808c63"),
        ("operative/resolves/1", "1", "resolves", 514, "30a111b6c0a1dc7e"),
        ("operative/resolves/2", "2", "resolves", 290, "340f6d9242a79cb3"),
        ("operative/resolves/3", "3", "resolves", 352, "68bd3f86038e501f"),
        ("operative/resolves/4", "4", "resolves", 239, "76daf5759dc3552f"),
        ("operative/resolves/5", "5", "resolves", 396, "0995cf84d4e0d108"),
        ("operative/resolves/6", "6", "resolves", 113, "272014c41140d32e"),
        ("operative/resolves/7", "7", "resolves", 273, "f8ab861aebd51658"),
        ("operative/resolves/8", "8", "resolves", 257, "2368e0ba3fcc01f7"),
        ("operative/resolves/9", "9", "resolves", 486, "fa6cfe578e4d165e"),
        ("operative/resolves/10", "10", "resolves", 501, "9f5c22d356a2700e"),
        ("operative/resolves/11", "11", "resolves", 470, "0043297d6779b2bf"),
        ("operative/resolves/12", "12", "resolves", 481, "33edd047cb42dbe6"),
        ("operative/resolves/13", "13", "resolves", 231, "39d71b5457dca1c5"),
        ("operative/resolves/14", "14", "resolves", 213, "cb1400e86ddaab2b"),
        ("operative/further-resolves/1", "1", "further resolves", 148, "e559f5f23cb94b6c"),
        ("operative/further-resolves/2", "2", "further resolves", 243, "d4f6276b57fe007d"),
        ("operative/further-resolves/3", "3", "further resolves", 215, "cb80b8b17c2ad65e"),
        (
            "operative/instructs-the-council/1",
            "1",
            "instructs the Council",
            493,
            "8415faf0ef233616",
        ),
        (
            "operative/instructs-the-council/2",
            "2",
            "instructs the Council",
            201,
            "6839a749443d97b5",
        ),
        (
            "operative/instructs-the-council/3",
            "3",
            "instructs the Council",
            163,
            "e560a978901b3359",
        ),
        (
            "operative/instructs-the-council/4",
            "4",
            "instructs the Council",
            513,
            "5cd5c28be291fdd9",
        ),
        (
            "operative/instructs-the-council/5",
            "5",
            "instructs the Council",
            551,
            "2bc6b90e48647344",
        ),
        (
            "operative/instructs-the-council/6",
            "6",
            "instructs the Council",
            104,
            "0ae2bb932308ec1d",
        ),
        (
            "operative/instructs-the-council/7",
            "7",
            "instructs the Council",
            173,
            "21147536bfd16796",
        ),
        (
            "operative/instructs-the-council/8",
            "8",
            "instructs the Council",
            155,
            "ef85b8f265c53f47",
        ),
        (
            "operative/instructs-the-council/9",
            "9",
            "instructs the Council",
            168,
            "9c2b880a9d0b57db",
        ),
        (
            "operative/instructs-the-council/10",
            "10",
            "instructs the Council",
            144,
            "b22e2bfca525bc8d",
        ),
        (
            "operative/instructs-the-secretary-general/1",
            "1",
            "instructs the Secretary-General",
            148,
            "0ea3252a9bc20f44",
        ),
        (
            "operative/instructs-the-secretary-general/2",
            "2",
            "instructs the Secretary-General",
            303,
            "c51aac08152339a2",
        ),
        (
            "operative/instructs-the-secretary-general/3",
            "3",
            "instructs the Secretary-General",
            513,
            "c11c6083fa15f7e4",
        ),
        (
            "operative/instructs-the-secretary-general/3/i",
            "3 i)",
            "instructs the Secretary-General",
            199,
            "ac5ba4833fa32bb3",
        ),
        (
            "operative/instructs-the-secretary-general/3/ii",
            "3 ii)",
            "instructs the Secretary-General",
            141,
            "3ab591d6662188c5",
        ),
        (
            "operative/instructs-the-secretary-general/3/iii",
            "3 iii)",
            "instructs the Secretary-General",
            263,
            "f6dbeb126c90a16b",
        ),
        (
            "operative/instructs-the-secretary-general/3/iv",
            "3 iv)",
            "instructs the Secretary-General",
            24,
            "ee64b14549950c59",
        ),
        (
            "operative/instructs-the-secretary-general/3/v",
            "3 v)",
            "instructs the Secretary-General",
            130,
            "86e80a632b76870e",
        ),
        (
            "operative/instructs-the-secretary-general/3/vi",
            "3 vi)",
            "instructs the Secretary-General",
            116,
            "65038a7ae74262ee",
        ),
        (
            "operative/instructs-the-secretary-general/4",
            "4",
            "instructs the Secretary-General",
            334,
            "f70ebd5d2764f232",
        ),
        (
            "operative/instructs-the-secretary-general/5",
            "5",
            "instructs the Secretary-General",
            255,
            "c2810242ab5a7be1",
        ),
        (
            "operative/instructs-the-secretary-general-2/1",
            "1",
            "instructs the Secretary-General",
            262,
            "a66f9e1045454054",
        ),
        (
            "operative/instructs-the-secretary-general-2/2",
            "2",
            "instructs the Secretary-General",
            257,
            "87f2f2a65d459357",
        ),
        (
            "operative/instructs-the-secretary-general-2/3",
            "3",
            "instructs the Secretary-General",
            102,
            "1920e48965ab0838",
        ),
        (
            "operative/instructs-the-secretary-general-2/4",
            "4",
            "instructs the Secretary-General",
            150,
            "592d025b499cbd9d",
        ),
        (
            "operative/instructs-the-secretary-general-2/5",
            "5",
            "instructs the Secretary-General",
            196,
            "4833d7b968a76a5e",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1",
            "1",
            "instructs the Director of the Telecommunication Development Bureau",
            86,
            "f79a063b5a15182c",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/i",
            "1 i)",
            "instructs the Director of the Telecommunication Development Bureau",
            127,
            "8b7c6d8ba44c7a3d",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/ii",
            "1 ii)",
            "instructs the Director of the Telecommunication Development Bureau",
            109,
            "8252703a7bf33b83",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/iii",
            "1 iii)",
            "instructs the Director of the Telecommunication Development Bureau",
            194,
            "8940d179fb7ced2c",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/iv",
            "1 iv)",
            "instructs the Director of the Telecommunication Development Bureau",
            151,
            "0d98ba32a41aed9e",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/v",
            "1 v)",
            "instructs the Director of the Telecommunication Development Bureau",
            189,
            "12430b4bce248439",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/vi",
            "1 vi)",
            "instructs the Director of the Telecommunication Development Bureau",
            167,
            "e6ff02c3f23e7fdd",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/vii",
            "1 vii)",
            "instructs the Director of the Telecommunication Development Bureau",
            700,
            "d121abc2508d66cd",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/viii",
            "1 viii)",
            "instructs the Director of the Telecommunication Development Bureau",
            180,
            "4cbcfccedb975d26",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/ix",
            "1 ix)",
            "instructs the Director of the Telecommunication Development Bureau",
            149,
            "ec4f37d90aa15621",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/x",
            "1 x)",
            "instructs the Director of the Telecommunication Development Bureau",
            217,
            "245f560bfa21f697",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau/1/xi",
            "1 xi)",
            "instructs the Director of the Telecommunication Development Bureau",
            187,
            "229b7ed54e26f936",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/1",
            "1",
            "instructs the Director of the Telecommunication Development Bureau",
            271,
            "47d0924d9287dcf7",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/2",
            "2",
            "instructs the Director of the Telecommunication Development Bureau",
            167,
            "97c031e244a93d33",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/3",
            "3",
            "instructs the Director of the Telecommunication Development Bureau",
            97,
            "4bf307415444075e",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/4",
            "4",
            "instructs the Director of the Telecommunication Development Bureau",
            418,
            "ceca43655f9a63d3",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/5",
            "5",
            "instructs the Director of the Telecommunication Development Bureau",
            293,
            "bf1c94d04d31e1c4",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/6",
            "6",
            "instructs the Director of the Telecommunication Development Bureau",
            372,
            "4fa3027a8a3bc628",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/7",
            "7",
            "instructs the Director of the Telecommunication Development Bureau",
            144,
            "31cd1ba2aeab2ede",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/8",
            "8",
            "instructs the Director of the Telecommunication Development Bureau",
            195,
            "3b53aa074f051294",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/9",
            "9",
            "instructs the Director of the Telecommunication Development Bureau",
            222,
            "4d308f302ea946ff",
        ),
        (
            "operative/instructs-the-director-of-the-telecommunication-development-bureau-2/10",
            "10",
            "instructs the Director of the Telecommunication Development Bureau",
            156,
            "cf2692f966c63488",
        ),
        (
            "operative/instructs-the-directors-of-the-radiocommunication-bureau-and-the-telecommunication-standardization-bureau/1",
            "1",
            "instructs the Directors of the Radiocommunication Bureau and the Telecommunication Standardization Bureau",
            482,
            "354072621de483f1",
        ),
        (
            "operative/instructs-the-directors-of-the-radiocommunication-bureau-and-the-telecommunication-standardization-bureau/2",
            "2",
            "instructs the Directors of the Radiocommunication Bureau and the Telecommunication Standardization Bureau",
            76,
            "43ad2b86850dac11",
        ),
        (
            "operative/instructs-the-directors-of-the-radiocommunication-bureau-and-the-telecommunication-standardization-bureau/3",
            "3",
            "instructs the Directors of the Radiocommunication Bureau and the Telecommunication Standardization Bureau",
            88,
            "074fc5408d1926a9",
        ),
    ),
}


def _parse_one(path: Path) -> ParsedDocument:
    (document,) = read_file(path, max_bytes=MAX_BYTES)
    return parse(document)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_clause_lists(documents: Path, name: str) -> None:
    parsed = _parse_one(documents / "core" / name)
    prefix = len(parsed.document.meta.doc_id) + 1
    got = tuple(
        (
            c.clause_id[prefix:],
            c.label,
            c.keyword_en,
            len(c.text),
            hashlib.sha256(c.text.encode()).hexdigest()[:16],
        )
        for c in parsed.clauses
    )
    assert got == EXPECTED[name]


def test_resolution_2_sections_keywords_and_footnote(documents: Path) -> None:
    parsed = _parse_one(documents / "core" / "itu-pp-res2-rev-bucharest-2022-en.txt")
    assert parsed.document.meta.doc_id == "itu-pp/res-2/rev-bucharest-2022/en"
    by_id = {c.clause_id.split("/en/", 1)[1]: c for c in parsed.clauses}
    sg = by_id["operative/instructs-the-secretary-general"]
    assert (sg.section, sg.keyword, sg.addressee) == (
        Section.OPERATIVE,
        "instructs the Secretary-General",
        "Secretary-General",
    )
    council = by_id["operative/instructs-the-council/1"]
    assert (council.keyword, council.addressee) == ("instructs the ITU Council", "Council")
    noted = [c for c in parsed.clauses if c.footnotes]
    assert [c.clause_id.rsplit("/", 2)[-2:] for c in noted] == [["emphasizing", "d"]]
    assert not any("These include the least developed" in c.text for c in parsed.clauses)
    assert not any(c.text.startswith(("Resolution 2 2", "24")) for c in parsed.clauses)
    assert parsed.clauses[0].section is Section.TITLE
    assert parsed.clauses[1].section is Section.FORMULA
    refs = {r.target for c in parsed.clauses for r in c.references}
    assert {"itu-pp/res-77/rev-bucharest-2022", "itu-pp/res-2/kyoto-1994"} <= refs


ZH_SECTIONS = [
    ("preamble", "意识到", "aware", ["a", "b", "c"]),
    ("preamble", "重申", "reaffirming", ["a", "b", "c", "d", "e", "f"]),
    ("preamble", "考虑到", "considering", ["a", "b"]),
    ("preamble", "进一步考虑到", "considering further", [None]),
    ("preamble", "忆及", "recalling", ["a", "b", "c", "d", "e", "f"]),
    ("preamble", "认识到", "recognizing", ["a", "b", "c"]),
    ("preamble", "注意到", "noting", ["a", "b"]),
    (
        "operative",
        "做出决议，责成秘书长",
        "resolves to instruct the Secretary-General",
        [None, "i", "ii", "iii", "iv"],
    ),
    ("operative", "要求秘书长", "requests the Secretary-General", [None]),
    ("operative", "请理事会", "invites the Council", [None]),
    (
        "operative",
        "请成员国和相关ICT利益攸关方",
        "invites Member States and relevant ICT stakeholders",
        ["1", "2"],
    ),
    ("operative", "请秘书长", "invites the Secretary-General", [None]),
    ("operative", "责成秘书长", "instructs the Secretary-General", [None]),
    ("operative", "请成员国", "invites Member States", [None]),
]


def test_chinese_proposal_sections_keywords_and_items(documents: Path) -> None:
    parsed = _parse_one(documents / "core" / "itu-pp-res174-rcc-proposal-zh.txt")
    doc_id = parsed.document.meta.doc_id
    assert doc_id == "itu-pp/res-174/proposal-bucharest-2022/zh"
    sections = [c for c in parsed.clauses if c.section in {Section.PREAMBLE, Section.OPERATIVE}]
    got: list[tuple[str, str, str, list[str | None]]] = []
    for clause in sections:
        last = clause.clause_id.rsplit("/", 1)[-1]
        item = None if last.startswith(clause.clause_id.split("/")[-1]) and "-" in last else last
        item = item if clause.label else None
        if got and got[-1][1] == clause.keyword:
            got[-1][3].append(item)
        else:
            assert clause.keyword is not None and clause.keyword_en is not None
            got.append((clause.section.value, clause.keyword, clause.keyword_en, [item]))
    assert got == ZH_SECTIONS
    formula = [c for c in parsed.clauses if c.section is Section.FORMULA]
    assert len(formula) == 1
    recognizing_c = next(c for c in parsed.clauses if c.clause_id.endswith("recognizing/c"))
    assert len(recognizing_c.footnotes) == 1 and "[" not in recognizing_c.text
    refs = {r.target for c in parsed.clauses for r in c.references}
    assert {"A/RES/55/63", "A/RES/56/121", "A/RES/57/239", "C5"} <= refs
    assert f"{doc_id}/operative/resolves-to-instruct-the-secretary-general/ii" in {
        c.clause_id for c in parsed.clauses
    }


@pytest.fixture(scope="module")
def final_acts(documents: Path) -> list[ParsedDocument]:
    path = documents / "core" / "itu-pp18-final-acts-dubai-2018-en.akn.xml"
    return [parse(doc) for doc in read_file(path, max_bytes=MAX_BYTES)]


def test_final_acts_documents(final_acts: list[ParsedDocument]) -> None:
    kinds = [p.document.meta.doc_type for p in final_acts]
    assert kinds.count(DocType.RESOLUTION) == 61
    assert kinds.count(DocType.DECISION) == 2
    assert kinds.count(DocType.RECOMMENDATION) == 1
    assert kinds.count(DocType.DECLARATION) == 1


def test_final_acts_declarations_are_a_text_of_their_own(
    final_acts: list[ParsedDocument],
) -> None:
    """The conversion ran the Final Acts' later parts into the last text before them: the list
    of abrogated resolutions into Resolution 213, the signatories and the 84 declarations and
    reservations into Recommendation 7, which cited a declaration as its own clause. The
    declarations are now one text, each numbered with its own paragraphs."""
    by_id = {p.document.meta.doc_id: p for p in final_acts}
    declarations = by_id["itu-pp/declarations/dubai-2018/en"]
    openings = [c for c in declarations.clauses if re.search(r"/declaration-\d+$", c.clause_id)]
    assert [c.clause_id.rsplit("-", 1)[1] for c in openings] == [str(n) for n in range(1, 85)]
    assert all(re.match(r"\d+ Original: \w+ For ", c.text) for c in openings)
    hungary = next(c for c in openings if c.clause_id.endswith("/declaration-53"))
    assert citation_string(declarations.document.meta, hungary) == (
        "Final Acts (Dubai, 2018), declaration 53"
    )
    recommendation = by_id["itu-pp/rec-7/dubai-2018/en"].clauses
    resolution = by_id["itu-pp/res-213/dubai-2018/en"].clauses
    own = recommendation + resolution
    assert [c.clause_id for c in own if re.search(r"Original:|PART V|SIGNATORIES", c.text)] == []
    assert recommendation[-1].text.endswith("informed in this regard.")
    assert resolution[-1].text.endswith("eligible for fellowships.")


def _xml_counts(path: Path) -> dict[tuple[str, str], int]:
    """Recitals, paragraphs and points of each statement of the AKN collection."""
    counts = {}
    for statement in etree.parse(str(path)).getroot().iter("{*}statement"):
        number = next(statement.iter("{*}docNumber")).text or ""
        units = list(statement.iter("{*}recital", "{*}paragraph", "{*}point"))
        counts[(statement.get("name") or "", number.split()[0])] = len(units)
    return counts


# Where the conversion put more elements than the official structure has: the declarations
# and reservations of the Final Acts appended to Recommendation 7 (now a text of their own), the
# abrogated-decisions list inside Decision 11, and lists
# flattened into single paragraphs in Res. 177 and 198.
COARSER_THAN_XML = {
    "itu-pp/rec-7/dubai-2018/en",
    "itu-pp/dec-11/rev-dubai-2018/en",
    "itu-pp/res-177/rev-dubai-2018/en",
    "itu-pp/res-198/rev-dubai-2018/en",
}


def test_final_acts_clauses_at_least_as_fine_as_the_xml(
    final_acts: list[ParsedDocument], documents: Path
) -> None:
    xml = _xml_counts(documents / "core" / "itu-pp18-final-acts-dubai-2018-en.akn.xml")
    coarser = set()
    total_ours = total_xml = 0
    for parsed in final_acts:
        meta = parsed.document.meta
        if meta.doc_type is DocType.DECLARATION:
            continue  # elements of Recommendation 7 in the XML
        expected = xml[(meta.doc_type.value, meta.number or "")]
        ours = sum(1 for c in parsed.clauses if c.section not in {Section.TITLE, Section.FORMULA})
        total_ours, total_xml = total_ours + ours, total_xml + expected
        if ours < expected:
            coarser.add(meta.doc_id)
    print(f"PP-18 clauses {total_ours} vs XML recitals+paragraphs+points {total_xml}")
    assert coarser <= COARSER_THAN_XML
    assert len(xml) == 64


# Keyword sections the conversion folded into the recital or item before them.
FOLDED = [
    (
        "res-176",
        "preamble/considering/i",
        "operative/resolves-to-instruct-the-directors-of-the-bureaux/1",
    ),
    (
        "res-176",
        "operative/resolves-to-instruct-the-directors-of-the-bureaux/2",
        "operative/instructs-the-director-of-the-telecommunication-development-bureau/1",
    ),
    (
        "res-188",
        "preamble/aware/e",
        "operative/resolves-to-instruct-the-directors-of-the-bureaux/1",
    ),
    (
        "res-30",
        "preamble/recalling",
        "operative/resolves-to-instruct-the-secretary-general-and-the-director-of-the-"
        "telecommunication-development-bureau/1",
    ),
    (
        "res-71",
        "operative/resolves",
        "operative/instructs-the-secretary-general-and-the-directors-of-the-bureaux/1",
    ),
    (
        "res-137",
        "preamble/taking-into-account/g",
        "operative/resolves-to-instruct-the-directors-of-the-bureaux/1",
    ),
]


@pytest.mark.parametrize(("resolution", "recital", "unfolded"), FOLDED)
def test_folded_keyword_sections_are_split(
    final_acts: list[ParsedDocument], resolution: str, recital: str, unfolded: str
) -> None:
    parsed = next(p for p in final_acts if f"/{resolution}/" in p.document.meta.doc_id)
    by_path = {c.clause_id[len(c.doc_id) + 1 :]: c for c in parsed.clauses}
    assert recital in by_path and unfolded in by_path
    heading_words = ("resolves to instruct", "instructs the Director", "instructs the Secretary")
    assert not any(words in by_path[recital].text for words in heading_words)
    assert by_path[unfolded].section is Section.OPERATIVE
    clauses = list(by_path)
    assert clauses.index(unfolded) == clauses.index(recital) + 1


BASIC_TEXTS = ["itu-constitution-geneva-1992-amended-pp22-en.txt",
               "itu-convention-geneva-1992-amended-pp22-en.txt"]  # fmt: skip


@pytest.mark.parametrize("name", BASIC_TEXTS)
def test_basic_texts_articles_open_only_at_their_headings(documents: Path, name: str) -> None:
    """Each article of the Constitution and Convention opens at its `ARTICLE N` line, not where
    running text starts a line with "Article 19 of this Convention, or"."""
    path = documents / "core" / name
    (document,) = read_file(path, max_bytes=1 << 26)
    parsed = parse(document)
    text = path.read_text(encoding="utf-8")
    headings = set(re.findall(r"^(?:PP-\d\d )?ARTICLE (\w+)\s*$", text, re.MULTILINE))
    opened = {
        match.group(1).upper()
        for clause in parsed.clauses
        if (match := re.search(r"/article-(\w+)", clause.clause_id))
    }
    assert opened <= headings
    # every article has clauses, but those whose provisions were all suppressed ("(SUP)")
    assert len(headings - opened) <= 0.05 * len(headings)


@pytest.mark.parametrize("name", BASIC_TEXTS)
def test_basic_texts_annex_definitions_are_clauses_of_their_own(documents: Path, name: str) -> None:
    path = documents / "core" / name
    (document,) = read_file(path, max_bytes=1 << 26)
    parsed = parse(document)
    numbers = re.findall(r"^(1\d{3}[A-Z]?) \w", path.read_text(encoding="utf-8"), re.MULTILINE)
    starts = {clause.text.split()[0] for clause in parsed.clauses}
    assert len(numbers) >= 5 and set(numbers) <= starts


@pytest.mark.parametrize("name", BASIC_TEXTS)
def test_basic_texts_provisions_go_on_past_a_margin_note(documents: Path, name: str) -> None:
    """A margin note ("PP-06") cut off a line's start is no paragraph break: No. 171 names all
    six official languages in one clause. A provision suppressed ("219 to 221 (SUP)") is no
    clause and is glued to none."""
    (document,) = read_file(documents / "core" / name, max_bytes=1 << 26)
    parsed = parse(document)
    suppressed = [c.clause_id for c in parsed.clauses if "(SUP)" in c.text]
    assert suppressed == []
    unnumbered = [c for c in parsed.clauses if re.search(r"/p\d+$", c.clause_id)]
    assert [c.clause_id for c in unnumbered if c.text[:1].islower()] == []
    if "constitution" in name:
        languages = next(c for c in parsed.clauses if c.text.startswith("171 "))
        assert languages.text.rstrip().endswith("English, French, Russian and Spanish.")


@pytest.mark.parametrize(
    ("name", "provisions"),
    [
        (BASIC_TEXTS[0], ["73 bis"]),
        (BASIC_TEXTS[1], ["160CA", "197CA", "215EA", "215JA", "296 bis", "297 bis"]),
    ],
)
def test_basic_texts_provisions_numbered_with_two_letters_or_bis_are_their_own(
    documents: Path, name: str, provisions: list[str]
) -> None:
    """A margin number of two letters ("197CA") or with "bis" ("296 bis") opens a provision of
    its own; it was merged into the provision before it."""
    (document,) = read_file(documents / "core" / name, max_bytes=1 << 26)
    starts = [clause.text for clause in parse(document).clauses]
    for number in provisions:
        assert [text for text in starts if text.startswith(f"{number} ")], number
