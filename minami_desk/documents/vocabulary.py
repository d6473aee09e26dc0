"""The words for the codes the desk stores (consent kinds, channels, statuses, goals…).

Codes stay English in the database and in machine-readable exports (the inzage JSON). Each
table maps a code to its ``N_()``-marked msgid in the one catalogue: screens translate it with
``_()``, printed documents and CSV values with ``dutch()``, so a code reads the same on screen
and on paper and no second, hand-written Dutch vocabulary can drift from the first. They live
here, below both the services and the renderers, because both read them.
"""

from __future__ import annotations

from minami_desk.i18n import N_

CONSENT_LABELS = {
    "registration": N_("Registration of personal data"),
    "photos": N_("Photos"),
    "contact_phone": N_("Contact by phone"),
    "contact_whatsapp": N_("Contact by WhatsApp"),
    "story_sharing": N_("Sharing a story"),
}

CHANNEL_LABELS = {
    "walk_in": N_("Walk-in"),
    "phone": N_("Phone call"),
    "whatsapp": N_("WhatsApp"),
    "email": N_("E-mail"),
    "home_visit": N_("Home visit"),
    "other": N_("Other contact"),
}

GENDER_LABELS = {
    "female": N_("Female"),
    "male": N_("Male"),
    "other": N_("Other"),
    "undisclosed": N_("Prefer not to say"),
}

AGE_GROUP_LABELS = {
    "0-11": N_("0–11 years"),
    "12-17": N_("12–17 years"),
    "18-26": N_("18–26 years"),
    "27-64": N_("27–64 years"),
    "65+": N_("65 years or older"),
}

# The six goals of the centre's own description, in its order; the Dutch follows its wording
# so that a participant recognises them.
GOAL_LABELS = {
    "clarity": N_("Clarity on where you get stuck"),
    "self_image": N_("A strong self-image"),
    "social_contacts": N_("Stronger social contacts"),
    "motivate_connect": N_("Motivating each other and connecting to society"),
    "agencies": N_("Knowing the way to agencies that can help"),
    "inner_calm": N_("Inner calm"),
    "own": N_("Own goal"),
}

TRAJECTORY_STATUS_LABELS = {
    "active": N_("active"),
    "completed": N_("completed"),
    "stopped": N_("stopped"),
}

STOP_REASON_LABELS = {
    "moved": N_("moved away"),
    "no_contact": N_("no contact any more"),
    "referred": N_("referred"),
    "own_choice": N_("own choice"),
    "other": N_("other"),
}

MOMENT_LABELS = {
    "intake": N_("Intake"),
    "midway": N_("Midway evaluation"),
    "final": N_("Final evaluation"),
}

REFERRAL_STATUS_LABELS = {
    "referred": N_("Referred"),
    "contact_made": N_("Contact made"),
    "helped": N_("Helped"),
    "not_helped": N_("Not helped"),
    "unknown": N_("Outcome unknown"),
}

HANDOVER_LABELS = {
    "called_together": N_("Called together"),
    "accompanied": N_("Went along"),
    "address_only": N_("Address given only"),
}

SHARING_LABELS = {
    "named": N_("Share with name"),
    "anonymised": N_("Share anonymised (pseudonym)"),
    "not_shared": N_("Do not share"),
}

ATTENDANCE_WORDS = {
    "registered": N_("signed up"),
    "waitlist": N_("waiting list"),
    "present": N_("present"),
    "absent": N_("absent"),
    "cancelled": N_("cancelled (by resident)"),
}
