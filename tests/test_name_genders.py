"""First-name genders: the project's list first, then the clear names of the nomquamgender table."""

from analysis.name_genders import clear_genders, name_gender


def test_only_names_clearly_of_one_gender_and_common_enough_are_kept():
    table = {
        "hillary": [3, 5000, 0.97, 3],
        "jeb": [2, 400, 0.01, 3],
        "jamie": [4, 9000, 0.35, 3],  # given to both
        "zorblat": [1, 3, 1.0, 1],  # too few bearers to say
        "jean-luc": [1, 200, 0.0, 1],  # not plain letters: never a token's first name
    }
    assert clear_genders(table) == {"hillary": "f", "jeb": "m"}


def test_names_missing_from_the_project_list_come_from_the_package():
    assert name_gender("Hillary") == "f"
    assert name_gender("Giorgia") == "f"
    assert name_gender("Keir") == "m"
    assert name_gender("Jamie") is None
