from django.urls import path

from .views import home, meeting, report_files, reports
from .views import report_clearance as clearance

app_name = "workspace"

urlpatterns = [
    path("", home.home, name="home"),
    path("meetings/<int:pk>/", meeting.meeting, name="meeting"),
    path("reports/new/", reports.new_report, name="report_new"),
    path("reports/new/autosave/", reports.autosave, name="report_new_autosave"),
    path("reports/new/preview/", reports.preview, name="report_new_preview"),
    path("reports/new/word/", report_files.word, name="report_new_word"),
    path("reports/<int:pk>/", reports.report, name="report"),
    path("reports/<int:pk>/autosave/", reports.autosave, name="report_autosave"),
    path("reports/<int:pk>/preview/", reports.preview, name="report_preview"),
    path("reports/<int:pk>/pdf/", reports.saved_pdf, name="report_pdf"),
    path("reports/<int:pk>/word/", report_files.word, name="report_word"),
    path("reports/<int:pk>/appendices/", report_files.appendix, name="report_appendix"),
    path("reports/<int:pk>/submit/", clearance.submit, name="report_submit"),
    path("reports/<int:pk>/steps/<int:step>/", clearance.sign_off, name="report_sign_off"),
    path("reports/<int:pk>/return/", clearance.return_to_draft, name="report_return"),
    path("reports/<int:pk>/approve/", clearance.approve, name="report_approve"),
]
