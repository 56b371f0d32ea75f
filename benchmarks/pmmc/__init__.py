"""Process Model Matching Contest 2015, University Admission dataset."""
