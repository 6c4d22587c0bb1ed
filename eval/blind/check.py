import csv
for row in csv.reader(open('manifest.tsv'),delimiter='\t'):
    t=open(row[0],encoding='utf-8',newline='').read()
    if len(t)!=int(row[4]): print(row[0], len(t), row[4], 'MISMATCH')
print('checked')
