"""Facts of the bundled re:Invent 2015 notes, asserted exactly."""

import filecmp

import pytest

from conftest import BUNDLED, SHARED

TALKS = [
    (1, None, "Keynote", [], "https://www.youtube.com/watch?v=D5-ifl7KJ00", 18),
    (1, "DVO317", "From Local Docker Development to Production Deployments", [("Jérôme Petazzoni", None)],
     "https://www.youtube.com/watch?v=7CZFpHUPqXw", 110),
    (2, None, "Keynote", [], "https://www.youtube.com/watch?v=uiDwqgXj5Q8", 162),
    (2, "DAT407", "Amazon ElastiCache: Deep Dive", [("Nate Wiger", "AWS"), ("Tom Kerr", "Riot")],
     "https://www.youtube.com/watch?v=4VfIINg9DYI", 290),
    (2, "CMP406", "Amazon ECS at Coursera: Powering a general-purpose near-line execution microservice, while "
     "defending against untrusted code", [("Brennan Saeta", "Coursera"), ("Frank Chen", "Coursera")],
     "https://www.youtube.com/watch?v=a45J6xAGUvA", 428),
    (2, "CMP301", "AWS Lambda and the Serverless Cloud", [("Tim Wagner", None)], None, 572),
    (3, "STG406", "Using S3 to Build and Scale an Unlimited Storage Service for Millions of Consumers",
     [("Tarlochan Cheema", "AWS"), ("Kevin Christen", "AWS")], "https://www.youtube.com/watch?v=WRJhdhGzJVg", 609),
    (3, "DAT304", "Amazon RDS for MySQL: Best Practices", [("Abdul Sait", "AWS"), ("Kevin Rice", "AirBnB")],
     "https://www.youtube.com/watch?v=eHg8LD5KNC0", 720),
    (3, "SEC314-R", "NEW LAUNCH! AWS Config/Config Rules: Use AWS Config Rules to Improve Governance over "
     "Configuration Changes to Your Resources (Repeat Session)", [("Prashant Prahlad", "AWS")],
     "https://www.youtube.com/watch?v=96K-cpttpYc", 769),
]

BLOG = "https://aws.amazon.com/blogs/aws/"
ANNOUNCEMENTS = [
    ("QuickSight", BLOG + "amazon-quicksight-fast-easy-to-use-business-intelligence-for-big-data-at-110th-the-cost-"
     "of-traditional-solutions/", 1, 30),
    ("Kenesis Firehose", BLOG + "amazon-kinesis-firehose-simple-highly-scalable-data-ingestion/", 1, 43),
    ("Snowball", BLOG + "aws-importexport-snowball-transfer-1-petabyte-per-week-using-amazon-owned-storage-"
     "appliances/", 1, 51),
    ("MariaDB", BLOG + "amazon-rds-update-mariadb-is-now-available/", 1, 63),
    ("Database Migration Service", "https://aws.amazon.com/dms/", 1, 67),
    ("Schema Conversion Tool", None, 1, 75),
    ("AWS Config Rules", BLOG + "aws-config-rules-dynamic-compliance-checking-for-cloud-resources/", 1, 91),
    ("Amazon Inspector", BLOG + "amazon-inspector-automated-security-assessment-service/", 1, 96),
    ("Kenesis Analytics", "https://aws.amazon.com/kinesis/analytics/", 2, 175),
    ("X1 instance type", BLOG + "ec2-instance-update-x1-sap-hana-t2-nano-websites/", 2, 188),
    ("T2 nano", None, 2, 194),
    ("container registry", None, 2, 209),
    ("AZ aware scheduler", None, 2, 214),
    ("ecs cli", BLOG + "ec2-container-service-update-container-registry-ecs-cli-az-aware-scheduling-and-more/", 2, 216),
    ("Cloudwatch dashboards", BLOG + "cloudwatch-dashboards-create-use-customized-metrics-views/", 2, 220),
    ("Lambda", BLOG + "aws-lambda-update-python-vpc-increased-function-duration-scheduling-and-more/", 2, 228),
    ("Mobile Hub", BLOG + "aws-mobile-hub-build-test-and-monitor-mobile-applications/", 2, 242),
    ("AWS IoT", BLOG + "aws-iot-cloud-services-for-connected-devices/", 2, 265),
]

WATCHLIST = ["ARC340", "DAT401", "DVO205", "MBL302", "BDT209", "DVO209", "GAM401", "STG403", "DVO202", "ARC310",
             "CMP401", "GAM402", "DEV310", "CMP307", "SEC304", "STG401", "BDT318", "DVO308", "DVO304", "SEC318",
             "BDT307", "CMP302", "LT119", "ARC309", "SEC401", "DEV301", "SPOT203", "CMP403", "ARC301", "DVO313"]


def test_bundled_copy_is_byte_identical():
    shared = SHARED / "notes" / "reinvent-2015.md"
    if not shared.exists():
        pytest.skip("../shared/notes is not beside this checkout")
    assert filecmp.cmp(BUNDLED, shared, shallow=False)


def test_front_matter(bundled):
    doc = bundled.documents[0]
    assert doc.title == "Notes: re:Invent 2015"
    assert doc.date == "2015-10-06 17:00"
    assert doc.tags == ["notes"]
    assert not any("layout" in e.text for e in doc.entries)


def test_days(bundled):
    days = [(d.number, d.weekday, d.line) for d in bundled.documents[0].days]
    assert days == [(1, "Wednesday", 16), (2, "Thursday", 160), (3, "Friday", 607)]


def test_talks_exactly(bundled):
    got = [(t.day, t.code, t.title, [(s.name, s.org) for s in t.speakers], t.video, t.line) for t in bundled.talks]
    assert got == TALKS


def test_talk_details(bundled):
    dat407 = next(t for t in bundled.talks if t.code == "DAT407")
    assert dat407.description.startswith("Peek behind the scenes")
    assert dat407.sections == ["ElastiCache with Memcached", "ElastiCache with Redis", "Performance Tuning",
                               "Use case by Riot Games"]
    assert dat407.track == "DAT"
    assert dat407.end_line == 426


def test_announcements_exactly(bundled):
    got = [(a.name, a.url, a.day, a.line) for a in bundled.announcements]
    assert got == ANNOUNCEMENTS


def test_announcement_details(bundled):
    by_name = {a.name: a for a in bundled.announcements}
    assert by_name["Snowball"].details == ["Shippable storage device", "Encrypted, tamper proof", "50 TB to start"]
    assert by_name["Snowball"].talk == "Keynote"
    assert by_name["Snowball"].section == "Freedom to get data into or out of the cloud easily"
    assert by_name["Kenesis Firehose"].details == ["Stream data into AWS", "S3/Redshift to start", "Compress or Encrypt"]
    assert by_name["T2 nano"].details == ["512 M", "Avail later this year"]
    assert by_name["Lambda"].details == ["VPC support", "Long running functions", "Scheduled functions",
                                         "Custom Retry logic", "Python for Lambda"]
    assert by_name["Database Migration Service"].details == ["Synchronization", "Dashboard to see progress",
                                                             "$3 for 1T"]
    assert by_name["QuickSight"].details[0] == "cloud powered BI/viz"
    assert len(by_name["QuickSight"].details) == 7
    assert by_name["MariaDB"].details == []  # the next paragraph leads into the next launch
    assert by_name["Cloudwatch dashboards"].details == []  # "Now Lambda:" is a lead-in, not a detail
    assert len(by_name["AWS IoT"].details) == 9
    assert by_name["Mobile Hub"].section == "Law of Demeter"


def test_links(bundled):
    links = bundled.links
    assert len(links) == 63
    first = links[0]
    assert (first.text, first.url, first.line) == ("Videos on Youtube",
                                                   "https://www.youtube.com/user/AmazonWebServices/videos", 13)
    by_url = {lk.url: lk for lk in links}
    assert by_url["https://github.com/jpetazzo/dockercoins"].line == 118  # autolink
    assert by_url["http://reinvent.dckr.info:8000/index.html"].text == "sample url"
    assert by_url["http://amzn.to/1FLeoii"].line == 695  # bare URL in a nested bullet
    assert by_url["http://aws.amazon.com/blogs/compute"].line == 605
    assert by_url["https://github.com/spotify/luigi"].path == ["Misc notes", "Interesting URLs"]
    assert sum(1 for lk in links if "youtube.com" in lk.url) == 36


def test_watchlist(bundled):
    items = bundled.watchlist
    assert [w.code for w in items] == WATCHLIST
    cmp403 = items[WATCHLIST.index("CMP403")]
    assert cmp403.title == "AWS Lambda: Simplifying Big Data Workloads"
    assert cmp403.video == "https://www.youtube.com/watch?v=WWDHxy4zuqg"
    assert items[WATCHLIST.index("DVO202")].video is None
    assert items[0].line == 888


def test_every_item_has_file_and_line(bundled):
    for item in [*bundled.talks, *bundled.announcements, *bundled.links, *bundled.watchlist, *bundled.entries]:
        assert item.file == "reinvent-2015.md"
        assert 1 <= item.line <= 934
