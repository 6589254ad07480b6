# The audio+video family's label: the GPU worker runs it now (gpu_worker/audio.py). Choices only: no SQL.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("jobs", "0013_job_time_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="modelversion",
            name="family",
            field=models.CharField(choices=[
                ("text_to_video", "Text-to-video (WanPipeline)"),
                ("video_to_video", "Video-to-video (WanVideoToVideoPipeline)"),
                ("vace", "VACE: references, extension, region edit (WanVACEPipeline)"),
                ("image_to_video", "Image-to-video (WanImageToVideoPipeline)"),
                ("audio_video", "Audio + video (LTX2Pipeline; the MP4 gets an AAC track)"),
            ], default="text_to_video", max_length=20),
        ),
    ]
