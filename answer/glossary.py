"""The English of ITU and UN terms in a Chinese question, for searching the English texts.

Most of the archive is English. The vectors carry a Chinese question to an English clause, but
BM25 cannot: it needs the English words. These are the organisations', bodies' and topics'
established English names (terminology, as the ITU and UN publish it in both languages), not a
translation of the question.
"""

from __future__ import annotations

# Longer terms first where one contains another (信息通信技术 before 通信).
ZH_EN: dict[str, str] = {
    "国际电信联盟": "International Telecommunication Union ITU",
    "国际电联": "ITU",
    "联合国大会": "General Assembly",
    "联大": "General Assembly",
    "联合国": "United Nations",
    "全权代表大会": "Plenipotentiary Conference",
    "世界电信标准化全会": "World Telecommunication Standardization Assembly",
    "世界电信发展大会": "World Telecommunication Development Conference",
    "世界电信政策论坛": "World Telecommunication/ICT Policy Forum WTPF",
    "信息社会世界峰会": "World Summit on the Information Society WSIS",
    "组织法": "Constitution",
    "公约": "Convention",
    "决议": "resolution",
    "决定": "decides",
    "秘书长": "Secretary-General",
    "理事会": "Council",
    "成员国": "Member States",
    "部门成员": "Sector Members",
    "研究组": "study groups",
    "无线电通信": "radiocommunication",
    "电信标准化": "telecommunication standardization",
    "电信发展": "telecommunication development",
    "信息通信技术": "information and communication technologies ICT",
    "电信": "telecommunication",
    "通信": "telecommunications",
    "保密": "secrecy",
    "网络安全": "cybersecurity",
    "网络犯罪": "cybercrime",
    "犯罪": "criminal crime",
    "儿童在线保护": "child online protection",
    "儿童": "children child",
    "在线": "online",
    "发展中国家": "developing countries",
    "最不发达国家": "least developed countries",
    "数字鸿沟": "digital divide",
    "人工智能": "artificial intelligence",
    "可持续发展": "sustainable development",
    "人权": "human rights",
    "世界人权宣言": "Universal Declaration of Human Rights",
    "宣言": "declaration",
    "监管": "regulatory",
    "规定性": "prescriptive",
    "能力建设": "capacity building",
    "合作": "cooperation",
    "频谱": "spectrum",
    "卫星": "satellite",
    "紧急": "emergency",
    "残疾人": "persons with disabilities",
    "性别": "gender",
    "妇女": "women",
    "青年": "youth",
    "巴勒斯坦": "Palestine Palestinian",
    "援助": "assistance",
    "通过": "adopts",
    "报告": "report",
    "工作组": "working group",
    "不限成员名额": "open-ended",
    "量子": "quantum",
    "国际年": "international year",
}


def english_terms(text: str) -> str:
    """The English names of the glossary's terms found in the text, longest match first, each
    once ("" when there are none)."""
    found: list[str] = []
    rest = text
    for term in sorted(ZH_EN, key=len, reverse=True):
        if term in rest:
            found.append(ZH_EN[term])
            rest = rest.replace(term, " ")
    return " ".join(found)
