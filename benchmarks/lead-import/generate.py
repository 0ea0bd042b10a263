#!/usr/bin/env python3
"""Writes a lead-import CSV: N rows, ~5% duplicates (of earlier rows, by e-mail, phone or noisy name + postal code)
and ~1% bad rows (unknown specialty, bad e-mail, missing city, short row). Usage: generate.py ROWS SEED > file.csv"""
import random
import zlib
import sys

rows, seed = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(seed)
tag = f"{zlib.crc32(seed.encode()) % 9000 + 1000}"  # keeps names and phones of one run apart from the others
area = 200 + zlib.crc32(seed.encode()) % 700
SPECIALTIES = ["ORTHODONTICS", "ORAL_SURGERY", "PEDIATRIC_DENTISTRY", "GENERAL_DENTISTRY"]
KINDS = ["PRIVATE_PRACTICE", "GROUP_DSO", "HOSPITAL_CLINIC", "UNIVERSITY", "RESELLER"]
SOURCES = ["INBOUND_WEB", "INBOUND_CALL", "OUTBOUND", "CUSTOMER_REFERRAL"]
NAMES = ["Smile", "Bright", "Harbor", "Müller", "Peña", "Summit", "Lakeside", "Riverside", "Maple", "歯科"]
out = sys.stdout
out.write("practiceName,kind,specialty,source,street,postalCode,city,country,email,phone,productInterests,"
          "estimatedValue.amount,estimatedValue.currency,expectedDecisionDate,notes\n")
made = []
stats = {"unique": 0, "duplicate": 0, "bad": 0}
for i in range(rows):
    roll = rnd.random()
    if roll < 0.05 and made:
        name, postal, email, phone = made[rnd.randrange(len(made))]
        how = rnd.randrange(3)
        if how == 0:
            row = [f"\"Dr. {name.upper()}, DDS\"", "", "GENERAL_DENTISTRY", "OUTBOUND", "", postal, "Boston", "US", "", "", "", "", "", "", "dup by name"]
        elif how == 1:
            row = [f"Other {i}", "", "GENERAL_DENTISTRY", "OUTBOUND", "", "", "Boston", "US", email.upper(), "", "", "", "", "", "dup by email"]
        else:
            row = [f"Other {i}", "", "GENERAL_DENTISTRY", "OUTBOUND", "", "", "Boston", "US", "", phone, "", "", "", "", "dup by phone"]
        stats["duplicate"] += 1
    elif roll < 0.06:
        bad = rnd.randrange(4)
        row = [f"Bad {i}", "", "GENERAL_DENTISTRY", "OUTBOUND", "", f"{i:05d}", "Boston", "US", f"bad{i}@x.example", "", "", "", "", "", ""]
        if bad == 0:
            row[2] = "TEETH"
        elif bad == 1:
            row[8] = "not-an-email"
        elif bad == 2:
            row[6] = ""
        else:
            row = row[:3]
        stats["bad"] += 1
    else:
        name = f"{rnd.choice(NAMES)} Dental {tag}-{i}"
        postal = f"{10000 + i % 90000:05d}"
        email = f"practice{i}@{seed}.example"
        phone = f"+1 {area} {tag}{i // 10000:02d} {i % 10000:04d}"
        made.append((name, postal, email, phone))
        amount = f"{rnd.randrange(10, 400) * 1000}.00"
        row = [name, rnd.choice(KINDS), rnd.choice(SPECIALTIES), rnd.choice(SOURCES), f"{i % 900 + 1} Main St",
               postal, "Boston", "US", email, phone, "EXAM_CHAIR|DELIVERY_UNIT", amount, "USD", "2027-03-01",
               '"met at the ""IDS"" booth, call back"' if i % 10 == 0 else ""]
        stats["unique"] += 1
    out.write(",".join(row) + "\n")
sys.stderr.write(f"generated {rows} rows: {stats['unique']} unique, {stats['duplicate']} duplicates, {stats['bad']} bad\n")
